package fuzz_test

import (
	"os"
	"strconv"
	"testing"

	"github.com/pcqkit/pcq/fuzz"
	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/models"
)

// TestMeasureCatch measures what the catch tests of this package rely
// on: PCQ_MEASURE_FUZZ=n runs their catch (the seed corpus, then
// catchRandom random inputs) n times on each broken queue that fuzz must
// catch, and logs the misses and the latest input that caught it (the
// margin is the number of inputs over it). Skipped otherwise; run it
// under -race, as the catch tests run.
func TestMeasureCatch(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("PCQ_MEASURE_FUZZ"))
	if err != nil || n < 1 {
		t.Skip("a measurement: PCQ_MEASURE_FUZZ=<runs> to run it")
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
		if !b.CaughtBy(harness.Fuzz) {
			continue
		}
		inputs := catchInputs(b.New, catchSeed, catchRandom)
		misses, latest := 0, 0
		for range n {
			at := -1
			for i, data := range inputs {
				if fuzz.RunOne(b.New, data, harness.WithModel(b.kind)) != nil {
					at = i + 1
					break
				}
			}
			if at < 0 {
				misses++
			}
			latest = max(latest, at)
		}
		t.Logf("%s: %d misses in %d runs; latest catch at input %d of %d: margin %.0fx", b.Name, misses, n, latest, len(inputs), float64(len(inputs))/float64(max(latest, 1)))
	}
}
