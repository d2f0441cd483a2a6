package property

import (
	"strings"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/internal/testseed"
)

// TestRunFindsOrderBugs runs Run with the bug's model (LIFO or priority)
// and otherwise default options on each broken LIFO and priority queue
// that property must catch: the command sequences must find it (the
// search is catch's, within catchBudget).
func TestRunFindsOrderBugs(t *testing.T) {
	for _, b := range broken.Ordered() {
		if !b.CaughtBy(harness.Property) {
			continue
		}
		t.Run(b.Name, func(t *testing.T) {
			t.Parallel()
			seed := int64(testseed.Get(t))
			err := mustCatch(t, b, seed)
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
