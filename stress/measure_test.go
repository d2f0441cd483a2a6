package stress

import (
	"errors"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/models"
)

// TestMeasureBrokenCatch measures what the catch tests of this package
// rely on: PCQ_MEASURE_BROKEN=n runs Run on each broken queue that stress
// must catch n times, each with its own seed and brokenBudget, and logs
// the misses and the slowest catch (the margin is brokenBudget over it).
// PCQ_MEASURE_ONLY=name measures that bug only. Skipped otherwise; run it
// under -race, as the catch tests run.
func TestMeasureBrokenCatch(t *testing.T) {
	n := measureRuns(t, "PCQ_MEASURE_BROKEN")
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
		if !b.CaughtBy(harness.Stress) || os.Getenv("PCQ_MEASURE_ONLY") != "" && os.Getenv("PCQ_MEASURE_ONLY") != b.Name {
			continue
		}
		var times []time.Duration
		misses := 0
		for i := range n {
			start := time.Now()
			_, err := Run(b.New, harness.WithSeed(int64(i)*7919+1), harness.WithDuration(brokenBudget), harness.WithModel(b.kind))
			if !errors.Is(err, harness.ErrFailed) {
				misses++
				continue
			}
			times = append(times, time.Since(start))
		}
		slices.Sort(times)
		slowest, median := time.Duration(0), time.Duration(0)
		if len(times) > 0 {
			slowest, median = times[len(times)-1], times[len(times)/2]
		}
		t.Logf("%s: %d misses in %d runs; catch median %v, slowest %v: margin %.0fx against a %v budget",
			b.Name, misses, n, median.Round(time.Millisecond), slowest.Round(time.Millisecond), float64(brokenBudget)/float64(max(slowest, 1)), brokenBudget)
	}
}
