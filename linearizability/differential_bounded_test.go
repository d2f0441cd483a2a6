package linearizability_test

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

// boundedHistory turns a seed and a shape into a small history of a
// bounded FIFO queue where the capacity binds: a simulated run with
// blocking puts (histgen.Blocking, some try_puts and try_gets) or a
// generated one of puts, gets and their try forms, capacity 1-3, at most
// 17 operations, valid or mutated (swapped, dropped, duplicated, shifted
// or narrowed operations, results turned into full or empty).
func boundedHistory(seed uint64, shape uint16) history.History {
	rng := rand.New(rand.NewPCG(seed, uint64(shape)|1<<20))
	capacity, ops := 1+int(shape%3), 6+int(shape/3%12)
	var h history.History
	if shape/36%3 != 0 {
		h = histgen.Blocking(rng, histgen.BlockingConfig{
			Capacity: capacity, Producers: 1 + int(shape/108%4), Consumers: 1 + int(shape/432%3), Ops: ops,
			Slack: int(shape / 1296 % 9), Think: 2, ConsumerThink: int(shape / 11664 % 5), TryEvery: int(seed % 4),
		})
	} else {
		h = histgen.Linearizable(rng, histgen.Config{
			Kind: models.FIFO, Capacity: capacity, Clients: 2 + int(shape/108%3), Ops: ops,
			Overlap: []int{1, 3, 8}[shape/324%3], OpMix: histgen.MixQueue,
		})
	}
	for range rng.IntN(3) {
		if rng.IntN(3) == 0 {
			h = histgen.Mutate(rng, h)
		} else {
			h = histgen.Narrow(rng, h)
		}
	}
	return h
}

// boundedCompare checks h with the fast checker, porcupine and the brute
// force, and fails on any disagreement, or when the fast checker leaves
// undecided a history of its exact fragment (every outcome known).
func boundedCompare(t *testing.T, h history.History, what string) linearizability.Verdict {
	t.Helper()
	fast, decided := linearizability.CheckFast(h)
	brute := histgen.BruteForce(h)
	slow := linearizability.CheckPorcupine(h, 5*time.Second)
	want := linearizability.Violation
	if brute {
		want = linearizability.Linearizable
	}
	var wrong string
	switch {
	case slow.Verdict != want:
		wrong = "porcupine and the brute force disagree"
	case decided && fast.Verdict != want:
		wrong = "the fast checker is wrong"
	case !decided && inOrderFragment(h) && !strings.Contains(fast.Note, "gave up"):
		wrong = "the fast checker left a history of its exact fragment undecided"
	}
	if wrong == "" {
		if !decided {
			return linearizability.Unknown
		}
		return fast.Verdict
	}
	var buf bytes.Buffer
	if err := history.Write(&buf, h); err != nil {
		t.Fatalf("%s: writing history: %v", what, err)
	}
	t.Fatalf("%s: %s: fast %v (decided %v: %s; %s), porcupine %v, brute force linearizable=%v; history:\n%s",
		what, wrong, fast.Verdict, decided, fast.Explanation, fast.Note, slow.Verdict, brute, buf.String())
	return linearizability.Unknown
}

// inOrderFragment reports whether every outcome of h is known: the
// fragment the fast checker decides exactly.
func inOrderFragment(h history.History) bool {
	for _, op := range h.Operations {
		if op.Output.Result == models.Unknown {
			return false
		}
	}
	return true
}

// FuzzBounded fuzzes the fast checker on bounded FIFO histories where the
// capacity binds, against porcupine and the brute-force search.
func FuzzBounded(f *testing.F) {
	for s := range uint64(20) {
		f.Add(s, uint16(s*331))
	}
	f.Fuzz(func(t *testing.T, seed uint64, shape uint16) {
		boundedCompare(t, boundedHistory(seed, shape), "fuzz")
	})
}

// TestDifferentialBoundedExact runs the comparison of FuzzBounded over
// many seeds, deterministically, and makes sure both verdicts come up.
func TestDifferentialBoundedExact(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 400
	}
	var count [3]int
	searched := 0
	for seed := range uint64(n) {
		h := boundedHistory(seed, uint16(seed*2654435761>>9))
		count[boundedCompare(t, h, "seed "+strconv.FormatUint(seed, 10))]++
		if r, _ := linearizability.CheckFast(h); strings.Contains(r.Explanation, "no linearization fits") {
			searched++
		}
	}
	lin, bad := count[linearizability.Linearizable], count[linearizability.Violation]
	if lin < n/5 || bad < n/10 || searched < n/300 {
		t.Errorf("too few decided: %d linearizable, %d violations (%d by the order search) of %d", lin, bad, searched, n)
	}
	t.Logf("fast checker: %d linearizable, %d violations (%d by the order search), %d handed on, of %d",
		lin, bad, searched, count[linearizability.Unknown], n)
}

// Long simulated runs where the capacity binds are decided, with and
// without full and empty answers, valid and over capacity.
func TestBoundedLongRunsDecided(t *testing.T) {
	for _, tc := range []struct {
		try, overfill int
		want          linearizability.Verdict
	}{{0, 0, linearizability.Linearizable}, {10, 0, linearizability.Linearizable}, {3, 0, linearizability.Linearizable}, {0, 20_000, linearizability.Violation}} {
		cfg := blockingConfig(50_000)
		cfg.TryEvery, cfg.Overfill = tc.try, tc.overfill
		h := histgen.Blocking(rand.New(rand.NewPCG(uint64(tc.try), 5)), cfg)
		r, decided := linearizability.CheckFast(h)
		if !decided || r.Verdict != tc.want {
			t.Errorf("try every %d, overfill %d: %v (decided %v), want %v: %s", tc.try, tc.overfill, r.Verdict, decided, tc.want, r.Note)
		}
	}
}
