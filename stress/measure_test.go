package stress

import (
	"errors"
	"os"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/internal/catchrate"
)

// TestMeasureBrokenCatch measures what the catch tests of this package
// rely on: PCQ_MEASURE_BROKEN=n runs Run on each broken queue that stress
// must catch n times, each with its own seed and brokenBudget, and logs
// the misses and the slowest catch. PCQ_MEASURE_ONLY=name measures that
// bug only. Skipped otherwise; run it under -race, as the catch tests run.
func TestMeasureBrokenCatch(t *testing.T) {
	n := catchrate.Runs(t, "PCQ_MEASURE_BROKEN")
	only := os.Getenv("PCQ_MEASURE_ONLY")
	for _, b := range broken.Every() {
		if !b.CaughtBy(harness.Stress) || only != "" && only != b.Name {
			continue
		}
		var tally catchrate.Tally
		for i := range n {
			start := time.Now()
			_, err := Run(b.New, harness.WithSeed(int64(i)*7919+1), harness.WithDuration(brokenBudget), harness.WithModel(b.Kind))
			if errors.Is(err, harness.ErrFailed) {
				tally.Caught(time.Since(start))
			} else {
				tally.Missed()
			}
		}
		t.Logf("%s: %s", b.Name, tally.Report(brokenBudget))
	}
}

// TestMeasureLongCatch measures the catch rate of the first long-lived
// round on each long-lived bug: PCQ_MEASURE_LONG=n runs it with n seeds.
// Skipped otherwise.
func TestMeasureLongCatch(t *testing.T) {
	n := catchrate.Runs(t, "PCQ_MEASURE_LONG")
	for _, b := range broken.LongLived() {
		var tally catchrate.Tally
		for seed := range int64(n) {
			start := time.Now()
			_, err := Run(b.New, harness.WithSeed(seed), harness.WithRounds(longFirst+1))
			var f *Failure
			if errors.As(err, &f) && f.Round == longFirst {
				tally.Caught(time.Since(start))
			} else {
				tally.Missed()
			}
		}
		t.Logf("%s, by the first long-lived round: %s", b.Name, tally.Report(defaultDuration))
	}
}
