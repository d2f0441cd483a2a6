package prio

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/linearizability/internal/search"
)

// TestPriorityLongerHistories compares the priority checker with
// porcupine on simulated histories of a few hundred operations, long
// enough for busy periods of many values (the hint and the grown
// candidate at work), valid and with each bug.
func TestPriorityLongerHistories(t *testing.T) {
	decided, bad := 0, 0
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 7))
		h := histgen.Priority(rng, histgen.PriorityConfig{StackConfig: histgen.StackConfig{Clients: 2 + int(seed%7), Ops: 200 + int(seed%5)*100,
			Puts: 50 + int(seed%3)*8, Slack: int(seed % 9), Think: 3, TryEvery: int(seed % 5), Bug: histgen.StackBug(seed % 5), At: 100},
			Spread: int(seed % 4 * 20)})
		r, ok := Check(h)
		if !ok {
			t.Fatalf("seed %d: not decided: %s", seed, r.Note)
		}
		slow := search.Check(h, search.Indices(len(h.Operations)), search.Limits{Timeout: 2 * time.Second})
		if slow.Result == porcupine.Unknown {
			continue
		}
		decided++
		if r.Violation {
			bad++
		}
		if r.Violation != (slow.Result == porcupine.Illegal) {
			t.Fatalf("seed %d: priority checker violation=%v (%s), porcupine %v", seed, r.Violation, r.Explanation, slow.Result)
		}
	}
	if decided < 180 || bad < 60 {
		t.Errorf("porcupine decided %d of 200, %d violations", decided, bad)
	}
	t.Logf("%d decided by porcupine too, %d of them violations", decided, bad)
}
