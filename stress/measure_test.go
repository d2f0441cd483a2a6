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

// TestMeasureBrokenCatch measures what the catch tests of this package rely
// on: PCQ_MEASURE_BROKEN=n runs Run on each broken queue that stress
// must catch n times, each with its own seed and budget (budgetFor), and
// logs the misses and the slowest catch, or for a budget in rounds the
// most rounds a catch needed. PCQ_MEASURE_ONLY=name measures that bug
// only. Skipped otherwise; run it under -race, as the catch tests run.
func TestMeasureBrokenCatch(t *testing.T) {
	n := catchrate.Runs(t, "PCQ_MEASURE_BROKEN")
	only := os.Getenv("PCQ_MEASURE_ONLY")
	for _, b := range broken.Every() {
		if !b.CaughtBy(harness.Stress) || only != "" && only != b.Name {
			continue
		}
		var tally catchrate.Tally
		var rounds catchrate.Trials
		for i := range n {
			start := time.Now()
			_, err := Run(b.New, harness.WithSeed(int64(i)*7919+1), budgetFor(b.Bug), harness.WithModel(b.Kind))
			var f *Failure
			if errors.As(err, &f) {
				tally.Caught(time.Since(start))
				rounds.Caught(f.Round + 1)
			} else {
				tally.Missed()
				rounds.Missed()
			}
		}
		if budget, ok := brokenRounds[b.Name]; ok {
			t.Logf("%s, in rounds: %s; in time: %s", b.Name, rounds.ReportRuns(budget), tally.Report(0))
			continue
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
