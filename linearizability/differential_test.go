package linearizability

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

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
		v, err := diffCompare(h, "seed "+strconv.FormatUint(seed, 10))
		if err != nil {
			t.Fatal(err)
		}
		count[v]++
	}
	lin, bad := count[Linearizable], count[Violation]
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
		if r := CheckPorcupine(h, time.Second); r.Verdict == Violation {
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
		v, err := diffCompare(h, "bounded seed "+strconv.FormatUint(seed, 10))
		if err != nil {
			t.Fatal(err)
		}
		count[v]++
	}
	t.Logf("fast checker: %d linearizable, %d violations, %d handed on, of %d",
		count[Linearizable], count[Violation], count[Unknown], n)
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
		v, err := boundedCompare(h, "seed "+strconv.FormatUint(seed, 10))
		if err != nil {
			t.Fatal(err)
		}
		count[v]++
		if r, _ := CheckFast(h); strings.Contains(r.Explanation, "no linearization fits") {
			searched++
		}
	}
	lin, bad := count[Linearizable], count[Violation]
	if lin < n/5 || bad < n/10 || searched < n/300 {
		t.Errorf("too few decided: %d linearizable, %d violations (%d by the order search) of %d", lin, bad, searched, n)
	}
	t.Logf("fast checker: %d linearizable, %d violations (%d by the order search), %d handed on, of %d",
		lin, bad, searched, count[Unknown], n)
}
