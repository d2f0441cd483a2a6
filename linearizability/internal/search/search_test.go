package search_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/linearizability/internal/search"
	"github.com/pcqkit/pcq/models"

	"github.com/pcqkit/pcq/internal/testseed"
)

// TestPorcupineAgreesWithBrute checks random small histories of every
// kind and operation, valid and mutated, against the brute-force search
// over the generator's own queue (a model independent of package models),
// and checks that the culprits of each violation are a violation alone.
func TestPorcupineAgreesWithBrute(t *testing.T) {
	seed := testseed.Get(t)
	rng := rand.New(rand.NewPCG(seed, 3))
	deadline := time.Now().Add(3 * time.Second)
	var n, violations int
	for ; n < 3000 && time.Now().Before(deadline); n++ {
		cfg := histgen.Config{
			Kind:     models.Kind(rng.IntN(3)),
			Capacity: rng.IntN(4),
			Clients:  2 + rng.IntN(3),
			Ops:      3 + rng.IntN(11),
			Overlap:  []int{0, 2, 6, 20}[rng.IntN(4)],
			OpMix:    histgen.MixPut | histgen.MixGet | histgen.Mix(rng.IntN(1<<10)), // any mix
		}
		h := histgen.Linearizable(rng, cfg)
		for range rng.IntN(3) {
			h = histgen.Mutate(rng, h)
		}
		r := checkPorcupine(h, 2*time.Second)
		if r.Verdict == linearizability.Unknown {
			continue
		}
		want := linearizability.Violation
		if histgen.BruteForce(h) {
			want = linearizability.Linearizable
		}
		if r.Verdict != want {
			t.Fatalf("seed %d, history %d: porcupine %v, brute force %v:\n%s", seed, n, r.Verdict, want, historyText(t, h))
		}
		if r.Verdict == linearizability.Violation {
			violations++
			sub := history.History{Kind: h.Kind, Capacity: h.Capacity}
			for _, i := range r.Culprits {
				sub.Operations = append(sub.Operations, h.Operations[i])
			}
			if histgen.BruteForce(sub) {
				t.Fatalf("seed %d, history %d: culprits %v are linearizable alone:\n%s\n%s", seed, n, r.Culprits, r.Explanation, historyText(t, h))
			}
		}
	}
	if violations == 0 || violations == n {
		t.Fatalf("seed %d: %d violations in %d histories: the test tests nothing", seed, violations, n)
	}
	t.Logf("seed %d: %d histories, %d violations", seed, n, violations)
}

func historyText(t *testing.T, h history.History) string {
	var buf bytes.Buffer
	if err := history.Write(&buf, h); err != nil {
		t.Fatalf("writing history: %v", err)
	}
	return buf.String()
}

// largeViolation returns a 1,000-operation FIFO history (2 clients, short
// overlaps: porcupine decides it in milliseconds) with one corruption that
// porcupine finds a violation.
func largeViolation(t *testing.T, seed uint64) (history.History, linearizability.Report) {
	rng := rand.New(rand.NewPCG(seed, 5))
	for range 20 {
		h := histgen.Linearizable(rng, histgen.Config{Kind: models.FIFO, Clients: 2, Ops: 1000})
		h = histgen.Mutate(rng, h)
		if r := checkPorcupine(h, time.Minute); r.Verdict == linearizability.Violation {
			return h, r
		}
	}
	t.Fatalf("seed %d: no mutation made a violation", seed)
	return history.History{}, linearizability.Report{}
}

// TestPorcupineShrinksLargeViolation: a violation in 1,000 operations is
// shrunk to a few, to the end, and its visualisation shows them. The
// shrinking runs here with a budget a hundred times what it needs on an
// idle machine (0.6 s): Check's own, a few seconds, is a limit that a
// loaded machine can reach, which its explanation then says.
func TestPorcupineShrinksLargeViolation(t *testing.T) {
	seed := testseed.Get(t)
	h, r := largeViolation(t, seed)
	culprits, minimal := search.Shrink(h, time.Minute, 0)
	if !minimal {
		t.Fatalf("seed %d: not shrunk to the end within a minute (%d culprits left)", seed, len(culprits))
	}
	if len(culprits) > 12 {
		t.Fatalf("seed %d: %d culprits:\n%s", seed, len(culprits), r.Explanation)
	}
	r.Culprits = culprits
	var buf bytes.Buffer
	if err := linearizability.Visualize(h, r, &buf); err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	html := buf.String()
	if len(html) > 1<<20 {
		t.Fatalf("seed %d: visualisation of %d bytes", seed, len(html))
	}
	for _, i := range r.Culprits {
		op := h.Operations[i]
		if d := models.DescribeOperation(op.Input, op.Output); !strings.Contains(html, d) {
			t.Fatalf("seed %d: the visualisation does not show culprit %q", seed, d)
		}
	}
	t.Logf("seed %d: %v, %d bytes of HTML", seed, r, len(html))
}

// BenchmarkPorcupineFIFO1000 measures porcupine on 1,000-operation
// linearizable FIFO histories, with 1 and 4 clients.
func BenchmarkPorcupineFIFO1000(b *testing.B) {
	for _, c := range []struct{ clients, overlap int }{{1, 3}, {4, 3}, {4, 10}} {
		b.Run(fmt.Sprintf("clients=%d/overlap=%d", c.clients, c.overlap), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			h := histgen.Linearizable(rng, histgen.Config{Kind: models.FIFO, Clients: c.clients, Ops: 1000, Overlap: c.overlap})
			b.ResetTimer()
			for b.Loop() {
				if r := checkPorcupine(h, time.Minute); r.Verdict != linearizability.Linearizable {
					b.Fatalf("%v", r)
				}
			}
		})
	}
}

// TestShrinkRemovalsAreMonotone: the units the shrinker removes from a
// violation must never turn a linearizable history into a violation
// (otherwise the culprits could be a violation the removal made), and
// trailing units must change no verdict.
func TestShrinkRemovalsAreMonotone(t *testing.T) {
	seed := testseed.Get(t)
	rng := rand.New(rand.NewPCG(seed, 4))
	deadline := time.Now().Add(2 * time.Second)
	n := 0
	for ; n < 3000 && time.Now().Before(deadline); n++ {
		h := histgen.Linearizable(rng, histgen.Config{
			Kind:     models.Kind(rng.IntN(3)),
			Capacity: rng.IntN(4),
			Clients:  2 + rng.IntN(3),
			Ops:      3 + rng.IntN(14),
			Overlap:  []int{0, 2, 6, 20}[rng.IntN(4)],
			OpMix:    histgen.MixPut | histgen.MixGet | histgen.Mix(rng.IntN(1<<10)), // any mix
		})
		sub := search.RemoveRandomUnits(h, rng)
		if !histgen.BruteForce(sub) {
			t.Fatalf("seed %d, history %d: removing units made a violation:\n%s\nleft:\n%s", seed, n, historyText(t, h), historyText(t, sub))
		}
		// Trailing units go without a check: their removal must change
		// no verdict, on valid and on mutated histories.
		if rng.IntN(2) == 0 {
			h = histgen.Mutate(rng, h)
		}
		if trail := search.DropTrailing(h); histgen.BruteForce(trail) != histgen.BruteForce(h) {
			t.Fatalf("seed %d, history %d: dropping trailing units changed the verdict:\n%s\nleft:\n%s", seed, n, historyText(t, h), historyText(t, trail))
		}
	}
	t.Logf("seed %d: %d histories", seed, n)
}

// checkPorcupine checks h with porcupine alone, as the linearizability
// package's Check does with WithChecker(Porcupine).
func checkPorcupine(h history.History, timeout time.Duration) linearizability.Report {
	return linearizability.Check(h, linearizability.WithChecker(linearizability.Porcupine), linearizability.WithTimeout(timeout))
}

// verdictOf is porcupine's result as a verdict.
func verdictOf(res porcupine.CheckResult) linearizability.Verdict {
	switch res {
	case porcupine.Ok:
		return linearizability.Linearizable
	case porcupine.Illegal:
		return linearizability.Violation
	}
	return linearizability.Unknown
}

// A full result on an unbounded queue is a violation on its own: the
// shrink keeps only it, although a full result on a bounded queue keeps
// every value that fills it (a flake gate's seed 1796161692141249213 made
// such a history, and the shrink stopped at 898 culprits).
func TestShrinkFullOnUnbounded(t *testing.T) {
	ops := []history.Operation{
		histgen.Put(0, 1, 0, 1), histgen.Put(1, 2, 0, 1), histgen.Get(0, 1, 2, 3),
		histgen.With(histgen.TryPut(1, 3, 4, 5, models.Full), models.Full), histgen.Get(0, 2, 6, 7),
	}
	h := history.History{Kind: models.FIFO, Operations: ops}
	if got, minimal := search.Shrink(h, time.Minute, 0); !minimal || !slices.Equal(got, []int{3}) {
		t.Errorf("unbounded: culprits %v (minimal %v), want [3]", got, minimal)
	}
	h.Capacity = 2 // one item queued of two: a violation too, shown by the values
	if got, minimal := search.Shrink(h, time.Minute, 0); !minimal || !slices.Contains(got, 3) || len(got) < 2 {
		t.Errorf("capacity 2: culprits %v (minimal %v), want the full try_put and values", got, minimal)
	}
}
