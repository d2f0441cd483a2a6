package fuzz

import (
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/internal/catchrate"
)

// TestMeasureCatch measures what the catch tests of this package rely
// on: PCQ_MEASURE_FUZZ=n runs a catch (the seed corpus, then catchRandom
// random inputs, fewer than the tests' catchBudget) n times on each broken queue that fuzz must
// catch, and logs the misses and the latest input that caught it (the
// margin is the number of inputs over it; the report's times are inputs).
// Skipped otherwise; run it under -race, as the catch tests run.
func TestMeasureCatch(t *testing.T) {
	n := catchrate.Runs(t, "PCQ_MEASURE_FUZZ")
	for _, b := range broken.Every() {
		if b.CaughtBy(harness.Fuzz) {
			t.Logf("%s (in inputs, 1ns an input): %s", b.Name, measureCatch(b, n))
		}
	}
}

// measureCatch runs the catch of b n times (with two Ps if it needs them)
// and reports the inputs each needed.
func measureCatch(b broken.OrderBug, n int) string {
	defer withTwoPs(b.Name)()
	inputs := catchInputs(b.New, catchSeed, catchRandom)
	var tally catchrate.Tally
	for range n {
		if at, err := firstFailure(b.New, inputs, harness.WithModel(b.Kind)); err != nil {
			tally.Caught(time.Duration(at))
		} else {
			tally.Missed()
		}
	}
	return tally.Report(time.Duration(len(inputs)))
}
