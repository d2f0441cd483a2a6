package property

import (
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/internal/catchrate"
)

// TestMeasureCatch measures what the catch tests of this package rely
// on: PCQ_MEASURE_PROPERTY=n runs the search of the catch tests (catch:
// Run with fresh seeds until it fails) n times on each broken queue that
// property must catch, each search from its own seed, and logs the
// misses, the median and the slowest catch, and the margin against
// catchBudget. Skipped otherwise; run it under -race, as the catch tests
// run.
func TestMeasureCatch(t *testing.T) {
	n := catchrate.Runs(t, "PCQ_MEASURE_PROPERTY")
	for _, b := range broken.Every() {
		if !b.CaughtBy(harness.Property) {
			continue
		}
		var tally catchrate.Tally
		for i := range n {
			if _, took, err := catch(b, int64(i)*104729+1, catchBudget); err == nil {
				tally.Missed()
			} else {
				tally.Caught(took)
			}
		}
		t.Logf("%s: %s", b.Name, tally.Report(catchBudget))
	}
}
