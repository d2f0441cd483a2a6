package stress

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/scenario"
	"github.com/pcqkit/pcq/stress/sched"
	"github.com/pcqkit/pcq/stress/sched/instrument"
)

// Explore checks newQueue under the controlled scheduler and fails t,
// with the report of [ExploreFailure], at the first schedule that fails.
//
// Where stress's rounds sample the Go scheduler, Explore decides the
// interleaving: one goroutine runs at a time, every atomic operation and
// lock of the queue's package is a scheduling point, and a strategy
// (harness.WithStrategy: PCT, random, or every schedule within a
// preemption bound) picks who runs at each. Small scenarios (2 to
// harness.WithGoroutines clients of 2 to harness.WithOpsPerGoroutine
// operations, task_done, join and shutdown in the mix) are checked as
// stress checks its rounds — conservation, order, tasks, linearizability,
// and the wake-up and shutdown probes — with two differences: a call that
// no goroutine can end is found the moment nobody can run (a deadlock or
// lost wake-up, never a timeout), and a failure replays exactly: its
// report prints a token (harness.WithReplay, or the [ReplayEnv]
// environment variable) that runs the same schedule, giving the same
// history bit for bit.
//
// The queue's package must be built instrumented (see package
// [instrument]): when the test binary was not, Explore writes the overlay
// and runs the calling test again in a child `go test`, reports its output
// on t, and skips the rest of the calling test in this process. Name more
// packages to control with harness.WithInstrument (the library an adapter
// wraps).
func Explore(t *testing.T, newQueue harness.Factory, opts ...harness.Option) {
	t.Helper()
	res, err := ExploreRun(t, newQueue, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res)
}

// ExploreRun is [Explore] returning what it did, and the first failure (an
// [*ExploreFailure], matching harness.ErrFailed) or a
// [*harness.SetupError], instead of failing t. Like Explore it may run the
// calling test again instrumented and skip it here.
func ExploreRun(t *testing.T, newQueue harness.Factory, opts ...harness.Option) (ExploreResult, error) {
	t.Helper()
	c, err := newExploreConfig(newQueue, opts)
	if err != nil {
		return ExploreResult{}, err
	}
	c.testName = t.Name()
	if !instrument.Rerun(t, c.packages...) {
		t.Skipf("ran in a child go test with %v instrumented, which passed", c.packages)
	}
	if c.Replay != "" {
		return c.replay(t)
	}
	return c.explore(t)
}

// explore runs the schedules of the strategy until the budget is spent.
func (c *exploreConfig) explore(t *testing.T) (res ExploreResult, err error) {
	start := time.Now()
	res = ExploreResult{Strategy: c.Strategy, Seed: c.Seed, Packages: c.packages}
	defer func() { res.Elapsed = time.Since(start) }()
	e := exploration{c: c, res: &res, seen: map[string]bool{}, deadline: start.Add(c.Duration)}
	explorer := c.Strategy.Explorer(c.Seed)
	for i := 0; !e.spent(); i++ {
		if c.Strategy.IsExhaustive() {
			explorer = c.Strategy.Explorer(c.Seed) // a search of its own for each scenario
		}
		if err := e.scenario(t, c.scenario(i), explorer); err != nil {
			return res, err
		}
		if c.fixed != nil && c.Strategy.IsExhaustive() {
			break // its one scenario searched, completely or to the budget
		}
	}
	return res, nil
}

// exploration is the state of one [exploreConfig.explore].
type exploration struct {
	c        *exploreConfig
	res      *ExploreResult
	seen     map[string]bool // the schedules run
	deadline time.Time
}

// spent reports whether the schedule or time budget is spent.
func (e *exploration) spent() bool {
	return e.res.Schedules >= e.c.Schedules || time.Now().After(e.deadline)
}

// scenario runs the schedules explorer gives for s: one, or for an
// exhaustive strategy every one within its bound (or until the budget is
// spent).
func (e *exploration) scenario(t *testing.T, s scenario.Scenario, explorer sched.Explorer) error {
	e.res.Scenarios++
	for ran := 0; ; ran++ {
		st := explorer.Next()
		switch {
		case st == nil:
			e.res.Complete++
			return nil
		case ran > 0 && !e.c.Strategy.IsExhaustive():
			return nil
		case ran > 0 && e.spent():
			e.res.Incomplete++
			return nil
		}
		o, r, err := scenario.RunControlled(t, e.c.factory, s, e.c.scenarioOptions(), scenario.Controlled{Strategy: st})
		if err == nil {
			err = o.Setup
		}
		if err != nil {
			return harness.NewSetupError(harness.Explore, err)
		}
		explorer.Done(r)
		e.count(r)
		if !o.Passed() {
			return e.c.failure(t, s, e.res.Schedules-1, o, r)
		}
	}
}

// count adds a schedule run to the result.
func (e *exploration) count(r *sched.Result) {
	e.res.Schedules++
	e.res.Steps += r.Steps
	if key := r.Schedule.String(); !e.seen[key] {
		e.seen[key] = true
		e.res.Distinct++
	}
}

// scenario returns scenario i of the exploration: the one of WithScenario,
// else drawn from the seed and i alone, with 2 to Goroutines clients of 2
// to OpsPerGoroutine steps, the full mix, a shutdown in half of them, and
// waits that are either already over or ended by the scheduler.
func (c *exploreConfig) scenario(i int) scenario.Scenario {
	if c.fixed != nil {
		s := *c.fixed
		s.Seed = int64(i)
		return s
	}
	rng := randFor(c.Seed, i)
	cfg := scenario.Config{
		Clients:  2 + rng.IntN(max(c.Goroutines-1, 1)),
		Steps:    2 + rng.IntN(max(c.OpsPerGoroutine-1, 1)),
		Capacity: c.Capacities[rng.IntN(len(c.Capacities))],
		Mix:      scenario.Full,
		Waits:    exploreWaits,
	}
	if rng.IntN(2) == 0 {
		cfg.Shutdown = scenario.Any
	}
	s := scenario.Generate(rng, cfg)
	s.Seed = int64(i)
	return s
}

// exploreWaits are the waits of scenarios' blocking calls: a context
// already done (one in three), or one that the scheduler ends.
var exploreWaits = []time.Duration{0, 1, 1}

// randFor returns the random source of scenario i of seed.
func randFor(seed int64, i int) *rand.Rand { return rand.New(rand.NewPCG(uint64(seed), uint64(i))) }

// scenarioOptions are the options of each controlled run.
func (c *exploreConfig) scenarioOptions() scenario.Options {
	return scenario.OptionsOf(harness.Explore, c.Settings)
}

// replay runs the one schedule of c.Replay.
func (c *exploreConfig) replay(t *testing.T) (ExploreResult, error) {
	res := ExploreResult{Strategy: c.Strategy, Seed: c.Seed, Packages: c.packages, Scenarios: 1, Schedules: 1, Distinct: 1}
	s, sc, err := parseReplayToken(c.Replay)
	if err != nil {
		return res, harness.NewSetupError(harness.Explore, err)
	}
	o, r, err := scenario.RunControlled(t, c.factory, s, c.scenarioOptions(), scenario.Controlled{Strategy: sched.Replay(sc)})
	if err != nil {
		return res, harness.NewSetupError(harness.Explore, err)
	}
	res.Steps = r.Steps
	if !o.Passed() {
		return res, c.failure(t, s, 0, o, r)
	}
	return res, nil
}
