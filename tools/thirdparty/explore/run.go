package explore

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/stress"
	"github.com/pcqkit/pcq/tools/thirdparty/adapters"
)

// adaptersPath is the adapters' package, instrumented with every library.
const adaptersPath = "github.com/pcqkit/pcq/tools/thirdparty/adapters"

// Budget is how much a [Run] explores.
type Budget struct {
	Seed int64
	// PCT is the schedule budget of the PCT pass (depth 3, stress.Explore's
	// default scenarios: 2-3 goroutines of 2-4 operations, capacities 0, 1,
	// 2).
	PCT int
	// Bound and Exhaustive are the preemption bound and the schedule budget
	// of the exhaustive pass (2 goroutines of 2 operations), run when the
	// PCT pass found nothing.
	Bound, Exhaustive int
	// Replays is how many times a failure's token is replayed.
	Replays int
	// Time bounds each pass as well (0: stress.Explore's default, 10s):
	// a pass cut by it says so. A test that asserts a catch within the
	// schedule budget gives a long one, since a loaded machine runs few
	// schedules a second.
	Time time.Duration
}

// DefaultBudget is the budget of TestExplore and the verdict table.
var DefaultBudget = Budget{Seed: 1, PCT: 2000, Bound: 2, Exhaustive: 3000, Replays: 5}

// Packages returns the packages to instrument for libs: the adapters'
// package and each library's.
func Packages(libs []adapters.Library) []string {
	pkgs := []string{adaptersPath}
	for _, l := range libs {
		for _, p := range l.Packages {
			if !slices.Contains(pkgs, p) {
				pkgs = append(pkgs, p)
			}
		}
	}
	return pkgs
}

// Run explores lib under the controlled scheduler: a PCT pass, then, if
// it found nothing, an exhaustive pass. A failure is replayed b.Replays
// times. The test binary must be built with the overlay of
// Packages(lib) (instrument.Rerun); a library documented as not thread-safe
// is not run (its calls hold no scheduling point: each would run
// atomically, and pass). The error is a setup error of the harness.
func Run(t *testing.T, lib adapters.Library, b Budget) (o Outcome, err error) {
	start := time.Now()
	o.Library = lib.Name
	defer func() { o.Elapsed = time.Since(start) }()
	if lib.NotThreadSafe {
		o.Status, o.Note = NotRun, "not thread-safe by design: no synchronisation to schedule, the race detector's case"
		return o, nil
	}
	base := baseOptions(lib, b.Seed)
	if b.Time > 0 {
		base = append(base, harness.WithDuration(b.Time))
	}
	pct := append(slices.Clone(base), harness.WithStrategy(harness.PCT(3)), harness.WithSchedules(b.PCT))
	res, err := stress.ExploreRun(t, lib.New, pct...)
	if err != nil {
		return o, caught(t, lib, &o, err, pct, b.Replays)
	}
	o.PCT = res.Schedules
	dfs := append(slices.Clone(base), harness.WithStrategy(harness.Exhaustive(b.Bound)), harness.WithSchedules(b.Exhaustive),
		harness.WithGoroutines(2), harness.WithOpsPerGoroutine(2))
	res, err = stress.ExploreRun(t, lib.New, dfs...)
	if err != nil {
		return o, caught(t, lib, &o, err, dfs, b.Replays)
	}
	o.Status = Passed
	o.Exhaustive = Exhaustive{Bound: b.Bound, Schedules: res.Schedules, Scenarios: res.Scenarios,
		Complete: res.Complete, Incomplete: res.Incomplete}
	return o, nil
}

// baseOptions are the options of every pass on lib.
func baseOptions(lib adapters.Library, seed int64) []harness.Option {
	return []harness.Option{harness.WithInstrument(lib.Packages...), harness.WithModel(lib.Model),
		harness.WithRelaxations(lib.Relaxations...), harness.WithSeed(seed), harness.WithLogf(nil)}
}

// Replay runs the one schedule of token on lib, as [Run] ran it: the
// error is the failure it replays (an [*stress.ExploreFailure]), nil if
// the schedule passes.
func Replay(t *testing.T, lib adapters.Library, token string) error {
	_, err := stress.ExploreRun(t, lib.New, append(baseOptions(lib, DefaultBudget.Seed), harness.WithReplay(token))...)
	return err
}

// caught fills o from the failure err of a pass run with opts, and
// replays it.
func caught(t *testing.T, lib adapters.Library, o *Outcome, err error, opts []harness.Option, replays int) error {
	var f *stress.ExploreFailure
	if !errors.As(err, &f) {
		return err
	}
	o.Status, o.Strategy, o.Schedules, o.Check = Caught, f.Strategy.String(), f.Schedule+1, string(f.Check)
	o.Capacity, o.Token, o.Replay, o.Report = capacityOf(f.Scenario), f.Token, f.Replay, f.Error()
	o.Where = libraryLine(f.Trace, lib.Packages)
	o.Replays = replays
	for range replays {
		_, rerr := stress.ExploreRun(t, lib.New, append(slices.Clone(opts), harness.WithReplay(f.Token))...)
		var g *stress.ExploreFailure
		if errors.As(rerr, &g) && g.Check == f.Check && g.Explanation == f.Explanation {
			o.Reproduced++
		}
	}
	return nil
}
