package property

import (
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/internal/catchrate"
)

// TestMeasureCatch measures what the catch tests of this package rely
// on: PCQ_MEASURE_PROPERTY=n runs the search of the catch tests (catch:
// Run with fresh seeds until it fails) n times on each broken queue that
// property must catch, each search from its own seed, and n passing Runs
// on the correct queue the bug was made from. It logs the misses, the
// Runs each catch needed and the slowest passing Run: catchBudget only
// decides whether another Run starts, so its margin is in Runs. Skipped
// otherwise; run it under -race, as the catch tests run.
func TestMeasureCatch(t *testing.T) {
	n := catchrate.Runs(t, "PCQ_MEASURE_PROPERTY")
	for _, b := range broken.Every() {
		if !b.CaughtBy(harness.Property) {
			continue
		}
		var tally catchrate.Trials
		for i := range n {
			if _, runs, _, err := catch(b, int64(i)*104729+1, catchBudget); err == nil {
				tally.Missed()
			} else {
				tally.Caught(runs)
			}
			start := time.Now()
			if err := Run(broken.CorrectFor(b.Kind), harness.WithSeed(int64(i)*104729+1), harness.WithModel(b.Kind)); err != nil {
				t.Fatalf("the correct %v queue failed: %v", b.Kind, err)
			}
			tally.Passed(time.Since(start))
		}
		t.Logf("%s: %s", b.Name, tally.Report(catchBudget))
	}
}
