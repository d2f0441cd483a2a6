package histgen

import (
	"math/rand/v2"
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

func TestPriorityIsValidAndLinearizable(t *testing.T) {
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 0))
		cfg := PriorityConfig{StackConfig: StackConfig{Clients: 1 + int(seed%4), Ops: 14, Slack: int(seed % 5), Think: int(seed % 3), TryEvery: int(seed % 3)},
			Spread: int(seed % 7)}
		h := Priority(rng, cfg)
		if len(h.Operations) != cfg.Ops || h.Kind != models.Priority {
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

// The values of a priority queue come out smallest first, not in the
// order they were put, once Spread mixes them.
func TestPrioritySpreadMixesOrder(t *testing.T) {
	h := Priority(rand.New(rand.NewPCG(1, 2)), PriorityConfig{StackConfig: StackConfig{Clients: 1, Ops: 200, Puts: 70}, Spread: 20})
	var got []int64
	for _, op := range h.Operations {
		if op.Input.Op == models.Get && op.Output.Result == models.OK {
			got = append(got, op.Output.Value)
		}
	}
	k := 0
	for i := 1; i < len(got); i++ {
		if got[i] < got[i-1] {
			k++
		}
	}
	if k == 0 {
		t.Errorf("the %d values got came out in increasing order", len(got))
	}
}

// Each bug makes some short histories not linearizable.
func TestPriorityBugs(t *testing.T) {
	for _, bug := range []StackBug{StackSecond, StackKeep, StackFresh, StackEmpty} {
		broken := 0
		for seed := range uint64(100) {
			rng := rand.New(rand.NewPCG(seed, 1))
			h := Priority(rng, PriorityConfig{StackConfig: StackConfig{Clients: 3, Ops: 20, Puts: 65, Slack: 1, Think: 3, TryEvery: 3, Bug: bug, At: 8}, Spread: 5})
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
