package stress

import (
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
			mustCatch(t, b.Bug, seed, func(check string) bool {
				return check == "linearizability" || check == "conservation"
			}, WithModel(b.Kind))
			if _, err := Run(broken.CorrectFor(b.Kind), WithSeed(seed), WithDuration(2*time.Second), WithModel(b.Kind)); err != nil {
				t.Fatalf("seed %d: the correct %v control failed: %v", seed, b.Kind, err)
			}
		})
	}
}
