package histgen

import (
	"math/rand/v2"
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

func TestStackIsValidAndLinearizable(t *testing.T) {
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 0))
		cfg := StackConfig{Clients: 1 + int(seed%4), Ops: 14, Slack: int(seed % 5), Think: int(seed % 3), TryEvery: int(seed % 3)}
		h := Stack(rng, cfg)
		if len(h.Operations) != cfg.Ops || h.Kind != models.LIFO {
			t.Fatalf("seed %d: %d operations, kind %v", seed, len(h.Operations), h.Kind)
		}
		if err := history.Validate(h); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if !BruteForce(h) {
			t.Fatalf("seed %d: not linearizable: %+v", seed, h)
		}
	}
}

// Each bug makes some short histories not linearizable (the item under the
// top is rarely got while the top was certainly put before: 5 in 100).
func TestStackBugs(t *testing.T) {
	for _, bug := range []StackBug{StackSecond, StackKeep, StackFresh, StackEmpty} {
		broken := 0
		for seed := range uint64(100) {
			rng := rand.New(rand.NewPCG(seed, 1))
			h := Stack(rng, StackConfig{Clients: 3, Ops: 20, Puts: 65, Slack: 1, Think: 3, TryEvery: 3, Bug: bug, At: 8})
			if !BruteForce(h) {
				broken++
			}
		}
		t.Logf("bug %d: %d of 100 histories not linearizable", bug, broken)
		if broken < 3 {
			t.Errorf("bug %d: only %d of 100 histories not linearizable", bug, broken)
		}
	}
}
