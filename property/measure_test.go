package property

import (
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/internal/catchrate"
)

// TestMeasureCatch measures what the catch tests of this package rely
// on: PCQ_MEASURE_PROPERTY=n runs Run with its default options n times,
// each with its own seed, on each broken queue that property must catch,
// and logs the misses, the median and the slowest catch (Run's budget is
// its number of cases, not a time). Skipped
// otherwise; run it under -race, as the catch tests run.
func TestMeasureCatch(t *testing.T) {
	n := catchrate.Runs(t, "PCQ_MEASURE_PROPERTY")
	for _, b := range broken.Every() {
		if !b.CaughtBy(harness.Property) {
			continue
		}
		var tally catchrate.Tally
		for i := range n {
			start := time.Now()
			if Run(b.New, harness.WithSeed(int64(i)*7919+1), harness.WithModel(b.Kind)) == nil {
				tally.Missed()
			} else {
				tally.Caught(time.Since(start))
			}
		}
		t.Logf("%s: %s", b.Name, tally.Report(0))
	}
}
