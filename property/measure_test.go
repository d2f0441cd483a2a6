package property

import (
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/models"
)

// TestMeasureCatch measures what the catch tests of this package rely
// on: PCQ_MEASURE_PROPERTY=n runs Run with its default options n times,
// each with its own seed, on each broken queue that property must catch,
// and logs the misses, the median and the slowest catch. Skipped
// otherwise; run it under -race, as the catch tests run.
func TestMeasureCatch(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("PCQ_MEASURE_PROPERTY"))
	if err != nil || n < 1 {
		t.Skip("a measurement: PCQ_MEASURE_PROPERTY=<runs> to run it")
	}
	type bug struct {
		broken.Bug
		kind models.Kind
	}
	var bugs []bug
	for _, b := range broken.All() {
		bugs = append(bugs, bug{b, models.FIFO})
	}
	for _, b := range broken.Ordered() {
		bugs = append(bugs, bug{b.Bug, b.Kind})
	}
	for _, b := range bugs {
		if !b.CaughtBy(harness.Property) {
			continue
		}
		var times []time.Duration
		misses := 0
		for i := range n {
			start := time.Now()
			if Run(b.New, harness.WithSeed(int64(i)*7919+1), harness.WithModel(b.kind)) == nil {
				misses++
				continue
			}
			times = append(times, time.Since(start))
		}
		slices.Sort(times)
		var median, slowest time.Duration
		if len(times) > 0 {
			median, slowest = times[len(times)/2], times[len(times)-1]
		}
		t.Logf("%s: %d misses in %d runs; catch median %v, slowest %v", b.Name, misses, n, median.Round(time.Millisecond), slowest.Round(time.Millisecond))
	}
}
