package property

import (
	"sync/atomic"
	"time"

	"github.com/pcqkit/pcq/harness"
)

// config is the settings of a run: the shared ones (see package harness
// for the options that set them) and the property harness's own.
type config struct {
	harness.Settings
	proceed time.Duration // how long a call that must not block is given
	// timed counts the failures seen that starvation could explain (a
	// call that did not return, or not in time; a workload that hung),
	// for runProp to tell a verdict from none (harness.Starved).
	timed atomic.Int64
}

// defaultCapacities are checked unless harness.WithCapacities says
// otherwise: the smallest, a small one, and unbounded (left out for a
// bounded-only queue).
var defaultCapacities = []int{1, 3, 0}

// newConfig applies opts over the defaults and resolves the capacities of
// newQueue; it returns a [*harness.SetupError] when it cannot.
func newConfig(newQueue harness.Factory, opts []harness.Option) (*config, error) {
	c := &config{
		Settings: harness.Settings{
			Seed:           time.Now().UnixNano(),
			Runs:           100,
			SequenceLength: 30,
			BlockWait:      time.Millisecond,
			Watchdog:       500 * time.Millisecond,
		},
		proceed: 100 * time.Millisecond,
	}
	if _, err := c.Resolve(harness.Property, newQueue, opts, defaultCapacities); err != nil {
		return nil, err
	}
	return c, nil
}
