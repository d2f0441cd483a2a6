package fuzz

import (
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/linearizability"
)

// config is the settings of a run (see package harness for the options
// that set them).
type config struct {
	harness.Settings
}

// newConfig applies opts over the defaults and resolves the capacities of
// newQueue: those of harness.WithCapacities, else 0 to MaxCapacity
// without 0 for a bounded-only queue. It returns a [*harness.SetupError]
// when it cannot run. The defaults keep an input's run short (tens of
// milliseconds) and its history small enough for porcupine to decide at
// once.
func newConfig(newQueue harness.Factory, opts []harness.Option) (*config, error) {
	c := &config{Settings: harness.Settings{
		MaxCapacity:   4,
		MaxGoroutines: 4,
		MaxTotalOps:   24,
		MaxYield:      3,
		Checker:       linearizability.Auto,
		CheckSteps:    harness.DefaultCheckSteps,
		Watchdog:      10 * time.Second,
	}}
	if _, err := c.Resolve(harness.Fuzz, newQueue, opts, nil); err != nil {
		return nil, err
	}
	return c, nil
}
