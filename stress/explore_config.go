package stress

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/scenario"
	"github.com/pcqkit/pcq/linearizability"
)

// ReplayEnv is the environment variable that makes [Explore] replay the one
// schedule a failure printed, without editing the test:
// PCQ_EXPLORE_REPLAY='x1/...' go test -run TestMyQueue.
const ReplayEnv = "PCQ_EXPLORE_REPLAY"

// exploreConfig is the settings of an exploration.
type exploreConfig struct {
	harness.Settings
	factory  harness.Factory
	packages []string // the packages to instrument
	testName string
	fixed    *scenario.Scenario // the one scenario to explore (WithScenario)
}

// exploreCapacities are the capacities scenarios draw from unless
// harness.WithCapacities says otherwise (unbounded left out for a
// bounded-only queue).
var exploreCapacities = []int{0, 1, 2}

// newExploreConfig applies opts over Explore's defaults.
func newExploreConfig(newQueue harness.Factory, opts []harness.Option) (*exploreConfig, error) {
	c := &exploreConfig{factory: newQueue, Settings: harness.Settings{
		Goroutines:      3,
		OpsPerGoroutine: 4,
		Duration:        10 * time.Second,
		Schedules:       2000,
		Strategy:        harness.PCT(3),
		Seed:            time.Now().UnixNano(),
		Checker:         linearizability.Auto,
		CheckSteps:      harness.DefaultCheckSteps,
	}}
	if s, err := strconv.ParseInt(os.Getenv(SeedEnv), 10, 64); err == nil {
		c.Seed = s
	}
	if _, err := c.Resolve(harness.Explore, newQueue, opts, exploreCapacities); err != nil {
		return nil, err
	}
	if r := os.Getenv(ReplayEnv); r != "" && c.Replay == "" {
		c.Replay = r
	}
	if c.Scenario != "" {
		s, err := scenario.ParseText(c.Scenario)
		if err != nil {
			return nil, harness.NewSetupError(harness.Explore, fmt.Errorf("WithScenario: %w", err))
		}
		c.fixed = &s
	}
	if p := newQueue.Package(c.Capacities[0]); p != "" {
		c.packages = append(c.packages, p)
	}
	c.packages = append(c.packages, c.Instrument...)
	return c, nil
}
