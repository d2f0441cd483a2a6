package fuzz

import (
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
)

// TestCatchesOrderBugs runs RunOne with the bug's model (LIFO or
// priority) over the seed corpus and random inputs on each broken LIFO and
// priority queue meant to be caught by fuzzing: each must fail within the
// inputs (catchBudget random ones; catch_test.go has the measured odds),
// and its correct control must pass the seed corpus and catchRandom
// random inputs.
func TestCatchesOrderBugs(t *testing.T) {
	for _, b := range broken.Ordered() {
		if !b.CaughtBy(harness.Fuzz) {
			continue
		}
		t.Run(b.Name, func(t *testing.T) {
			t.Parallel()
			model := harness.WithModel(b.Kind)
			inputs := catchInputs(b.New, catchSeed, catchBudget)
			if !caughtBy(t, b.Name, b.New, inputs, model) {
				t.Errorf("not caught by %d inputs (seed %d) with the %v model", len(inputs), catchSeed, b.Kind)
			}
			for i, data := range catchInputs(b.New, catchSeed, catchRandom) {
				if err := RunOne(broken.CorrectFor(b.Kind), data, model); err != nil {
					t.Fatalf("input %d (seed %d): the correct %v control failed: %v", i, catchSeed, b.Kind, err)
				}
			}
		})
	}
}
