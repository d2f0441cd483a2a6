package stress

import (
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
)

// TestRunFailsOnOrderBugs runs Run with the bug's model (LIFO or priority)
// on each broken LIFO and priority queue that stress must catch, and on
// its correct control, which must pass.
func TestRunFailsOnOrderBugs(t *testing.T) {
	for _, b := range broken.Ordered() {
		if !b.CaughtBy(harness.Stress) {
			continue
		}
		t.Run(b.Name, func(t *testing.T) {
			seed := time.Now().UnixNano()
			mustCatch(t, b.Bug, seed, func(check harness.Check) bool {
				return check == harness.Linearizability || check == harness.Conservation
			}, harness.WithModel(b.Kind))
			if _, err := Run(broken.CorrectFor(b.Kind), harness.WithSeed(seed), harness.WithDuration(2*time.Second), harness.WithModel(b.Kind)); err != nil {
				t.Fatalf("seed %d: the correct %v control failed: %v", seed, b.Kind, err)
			}
		})
	}
}
