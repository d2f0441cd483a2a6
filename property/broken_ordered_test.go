package property

import (
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
)

// TestRunFindsOrderBugs runs Run with the bug's model (LIFO or priority)
// and otherwise default options on each broken LIFO and priority queue
// that property must catch: the command sequences must find it.
func TestRunFindsOrderBugs(t *testing.T) {
	for _, b := range broken.Ordered() {
		if !b.CaughtBy(harness.Property) {
			continue
		}
		t.Run(b.Name, func(t *testing.T) {
			t.Parallel()
			seed := time.Now().UnixNano()
			err := Run(b.New, harness.WithSeed(seed), harness.WithModel(b.Kind))
			if err == nil {
				t.Fatalf("seed %d: Run passed a %v queue with the bug: %s", seed, b.Kind, b.Description)
			}
			for _, w := range []string{"commands", "get", "the model says ok"} {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("seed %d: the failure does not mention %q:\n%v", seed, w, err)
				}
			}
		})
	}
}

// TestCheckOrderControls: the correct queue that each broken LIFO and
// priority queue modifies passes with its model.
func TestCheckOrderControls(t *testing.T) {
	for _, b := range broken.Ordered() {
		t.Run(b.Kind.String(), func(t *testing.T) { Check(t, broken.CorrectFor(b.Kind), harness.WithModel(b.Kind)) })
	}
}
