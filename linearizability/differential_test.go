package linearizability_test

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

// diffHistory turns a seed and a shape into a small random history: 2-4
// clients, at most 12 operations, capacity 0-3, valid or mutated.
func diffHistory(seed uint64, shape uint16) history.History {
	rng := rand.New(rand.NewPCG(seed, uint64(shape)))
	cfg := histgen.Config{
		Kind:    models.FIFO,
		Clients: 2 + int(shape%3),
		Ops:     4 + int(shape/3%9),
		Overlap: []int{1, 3, 8, 20}[shape/27%4],
		OpMix:   histgen.MixQueue,
	}
	if shape/108%2 == 1 {
		cfg.Capacity = 1 + int(shape/216%3)
	}
	if shape/648%3 == 0 {
		cfg.OpMix |= histgen.MixUnknown
	}
	h := histgen.Linearizable(rng, cfg)
	for range rng.IntN(3) {
		h = histgen.Mutate(rng, h)
	}
	return h
}

// diffCompare checks h with both checkers and fails on any disagreement.
// It returns the fast checker's verdict (Unknown: not decided).
func diffCompare(t *testing.T, h history.History, what string) linearizability.Verdict {
	t.Helper()
	fast, decided := linearizability.CheckFast(h)
	if !decided {
		return linearizability.Unknown
	}
	slow := linearizability.CheckPorcupine(h, time.Second)
	if slow.Verdict == linearizability.Unknown || slow.Verdict == fast.Verdict {
		return fast.Verdict
	}
	var buf bytes.Buffer
	if err := history.Write(&buf, h); err != nil {
		t.Fatalf("%s: writing history: %v", what, err)
	}
	t.Fatalf("%s: checkers disagree: fast %v (%s), porcupine %v (%s); brute force says linearizable=%v; history:\n%s",
		what, fast.Verdict, fast.Explanation, slow.Verdict, slow.Explanation, histgen.BruteForce(h), buf.String())
	return fast.Verdict
}

// FuzzDifferential fuzzes the fast checker against porcupine on small
// random histories, valid and mutated.
func FuzzDifferential(f *testing.F) {
	for s := range uint64(20) {
		f.Add(s, uint16(s*97))
	}
	f.Fuzz(func(t *testing.T, seed uint64, shape uint16) {
		diffCompare(t, diffHistory(seed, shape), "fuzz")
	})
}

// TestDifferential runs the comparison of FuzzDifferential over many
// seeds, deterministically.
func TestDifferential(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 500
	}
	var count [3]int
	for seed := range uint64(n) {
		h := diffHistory(seed, uint16(seed*2654435761>>7))
		count[diffCompare(t, h, "seed "+strconv.FormatUint(seed, 10))]++
	}
	lin, bad := count[linearizability.Linearizable], count[linearizability.Violation]
	if lin < n/5 || bad < n/5 {
		t.Errorf("too few decided: %d linearizable, %d violations of %d", lin, bad, n)
	}
	t.Logf("fast checker: %d linearizable, %d violations, %d handed on, of %d", lin, bad, n-lin-bad, n)
}

// TestGeneratedAreLinearizable checks the generator against porcupine and
// the brute-force search: what it makes is linearizable by construction.
func TestGeneratedAreLinearizable(t *testing.T) {
	for seed := range uint64(400) {
		rng := rand.New(rand.NewPCG(seed, 1))
		cfg := histgen.Config{Kind: models.Kind(seed % 3), Capacity: int(seed % 4), Clients: 3, Ops: 10, Overlap: 6, OpMix: histgen.MixAll}
		h := histgen.Linearizable(rng, cfg)
		if err := history.Validate(h); err != nil {
			t.Fatalf("seed %d: invalid history: %v", seed, err)
		}
		if !histgen.BruteForce(h) {
			t.Fatalf("seed %d: brute force finds a generated history not linearizable: %+v", seed, h)
		}
		if r := linearizability.CheckPorcupine(h, time.Second); r.Verdict == linearizability.Violation {
			var buf bytes.Buffer
			_ = history.Write(&buf, h)
			t.Fatalf("seed %d: porcupine finds a generated history not linearizable: %s\n%s", seed, r.Explanation, buf.String())
		}
	}
}

// TestDifferentialBounded compares the checkers on longer histories of
// bounded queues (20-40 operations, 3-6 clients, capacity 1-4), where the
// fast checker builds and replays linearizations.
func TestDifferentialBounded(t *testing.T) {
	n := 150
	if testing.Short() {
		n = 40
	}
	var count [3]int
	for seed := range uint64(n) {
		rng := rand.New(rand.NewPCG(seed, 99))
		h := histgen.Linearizable(rng, histgen.Config{
			Kind: models.FIFO, Capacity: 1 + int(seed%4), Clients: 3 + int(seed%4),
			Ops: 20 + int(seed%21), Overlap: 1 + int(seed%9), OpMix: histgen.MixQueue | histgen.MixUnknown,
		})
		if seed%2 == 1 {
			h = histgen.Mutate(rng, h)
		}
		count[diffCompare(t, h, "bounded seed "+strconv.FormatUint(seed, 10))]++
	}
	t.Logf("fast checker: %d linearizable, %d violations, %d handed on, of %d",
		count[linearizability.Linearizable], count[linearizability.Violation], count[linearizability.Unknown], n)
}
