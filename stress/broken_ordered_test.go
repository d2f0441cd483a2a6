package stress

import (
	"errors"
	"testing"
	"time"

	"github.com/pcqkit/pcq/internal/broken"
)

// TestRunFailsOnOrderBugs runs Run with the bug's model (LIFO or priority)
// on each broken LIFO and priority queue that stress must catch, and on
// its correct control, which must pass.
func TestRunFailsOnOrderBugs(t *testing.T) {
	for _, b := range broken.Ordered() {
		if !b.CaughtBy("stress") {
			continue
		}
		t.Run(b.Name, func(t *testing.T) {
			seed := time.Now().UnixNano()
			start := time.Now()
			res, err := Run(b.New, WithSeed(seed), WithDuration(brokenBudget), WithModel(b.Kind))
			var f *Failure
			if !errors.As(err, &f) {
				t.Fatalf("seed %d: Run passed %d rounds (%d ops) on the broken %v queue %s (%s); err = %v",
					seed, res.Rounds, res.Ops, b.Kind, b.Name, b.Description, err)
			}
			if f.Check != "linearizability" && f.Check != "conservation" {
				t.Fatalf("seed %d: failed for a reason that is not the bug: %v", seed, f)
			}
			t.Logf("caught by %s in round %d (%s, GOMAXPROCS %d, capacity %d) after %v",
				f.Check, f.Round, f.Mix, f.GOMAXPROCS, f.Capacity, time.Since(start).Round(time.Millisecond))
			if _, err := Run(broken.CorrectFor(b.Kind), WithSeed(seed), WithDuration(2*time.Second), WithModel(b.Kind)); err != nil {
				t.Fatalf("seed %d: the correct %v control failed: %v", seed, b.Kind, err)
			}
		})
	}
}
