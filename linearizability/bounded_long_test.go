package linearizability_test

import (
	"math/rand/v2"
	"testing"

	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
)

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
