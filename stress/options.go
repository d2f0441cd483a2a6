package stress

import (
	"os"
	"strconv"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/linearizability"
)

// config is the settings of a run: the shared ones (see package harness
// for the options that set them) and what [Check] adds.
type config struct {
	harness.Settings
	// wider are widerCapacities as the queue has them (its Cap()), none
	// with harness.WithCapacities.
	wider        []int
	tempArtifact bool   // Check: write artifacts to a fresh temporary folder when none is set
	testName     string // Check: the test, for the replay command
}

// defaultDuration is the budget of a run unless harness.WithDuration says
// otherwise.
const defaultDuration = 2500 * time.Millisecond

// SeedEnv is the environment variable that sets the default seed, so that
// a failure replays without editing the test:
// PCQ_STRESS_SEED=1234 go test -run TestMyQueue.
const SeedEnv = "PCQ_STRESS_SEED"

// defaultCapacities are run unless harness.WithCapacities says otherwise:
// the smallest, a small one, and unbounded (left out for a bounded-only
// queue).
var defaultCapacities = []int{1, 4, 0}

// widerCapacities are drawn from as well, unless harness.WithCapacities
// says otherwise: by half the rounds past those every run makes, and by
// the long-lived rounds. Small primes, and powers of two with their
// neighbours: where index arithmetic (a modulo, a mask, a wrap) breaks.
var widerCapacities = []int{2, 3, 5, 7, 8, 11, 13, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257}

// newConfig applies opts over the defaults and resolves the capacities of
// newQueue; it returns the capacities skipped, and a
// [*harness.SetupError] when it cannot run.
func newConfig(newQueue harness.Factory, opts []harness.Option) (c *config, skipped []string, err error) {
	c = &config{Settings: harness.Settings{
		Goroutines:      6,
		OpsPerGoroutine: 200,
		Duration:        defaultDuration,
		Seed:            time.Now().UnixNano(),
		Checker:         linearizability.Auto,
		CheckSteps:      harness.DefaultCheckSteps,
		Watchdog:        10 * time.Second,
		ProbeWait:       time.Second,
	}}
	if s, err := strconv.ParseInt(os.Getenv(SeedEnv), 10, 64); err == nil {
		c.Seed = s
	}
	skipped, err = c.Resolve(harness.Stress, newQueue, opts, defaultCapacities)
	if err == nil && !c.CapacitiesGiven {
		c.wider, _ = newQueue.Capacities(widerCapacities) // a capacity refused is left out
	}
	return c, skipped, err
}
