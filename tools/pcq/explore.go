package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/scenario"
	"github.com/pcqkit/pcq/stress/sched/instrument"
)

const exploreDescription = `
Explore runs the kit's implementations under the controlled scheduler
(stress.Explore): one goroutine runs at a time, every atomic operation and
lock of the queue is a scheduling point, and a strategy picks who runs at
each: pct:DEPTH (probabilistic concurrency testing), random, or dfs:K (every
schedule with at most K preemptions, scenario after scenario). Small
scenarios (2 to -goroutines clients of 2 to -ops operations; or the one of
-scenario, as a failure prints it) are checked for
conservation, order, task accounting, linearizability, wake-ups and
shutdown; a blocking call nobody can end is reported the moment no
goroutine can run. It ends with a table: implementation, scenarios,
schedules run, distinct schedules, verdict, time. A failure prints the
interleaving that made it (steps, goroutines, source lines) and a replay
command that runs the same schedule exactly.

The queue package is built instrumented: explore writes the overlay
(package stress/sched/instrument), builds this command's test binary with
it (go test -c -overlay; a few seconds the first time) and runs the
campaign there, because the scheduler's bubbles (testing/synctest) need a
*testing.T.

With -fuzz TARGET it runs a schedule fuzz target (fuzz.CheckSchedules) of
package PKG (default ./fuzz) under go test -fuzz for -fuzztime, with PKG,
the packages of -instrument and the kit's queues built instrumented. From
your own module: go run github.com/pcqkit/pcq/tools/pcq explore -fuzz
FuzzMyQueueSchedules ./mypkg. Exit status: 0 every implementation passed, 1 one failed, 2
usage error, 3 the instrumented build or run could not start.`

// exploreConfig is a parsed pcq explore command line.
type exploreConfig struct {
	impls      []impl
	strategy   harness.Strategy
	schedules  int
	duration   time.Duration // per implementation
	goroutines int
	ops        int
	capacity   int // -1: the harness's default capacities
	seed       int64
	replay     string
	scenario   string // one scenario to explore (its text)
	out        string
	fuzz       string // a schedule fuzz target to run instead
	fuzztime   string
	fuzzPkg    string
	instrument []string   // with -fuzz: packages instrumented besides the kit's and fuzzPkg
	args       []string   // as given, for the instrumented re-run
	t          *testing.T // in the instrumented test binary: the campaign's test
}

// kitPackages are the packages whose synchronisation explore schedules.
var kitPackages = []string{"github.com/pcqkit/pcq/queue", "github.com/pcqkit/pcq/internal/broken"}

func runExplore(args []string) int {
	c, code, ok := parseExplore(args)
	if !ok {
		return code
	}
	if c.fuzz != "" {
		return c.runFuzz(stdout, stderr)
	}
	if !instrument.Instrumented(kitPackages...) {
		return c.rerun(stdout, stderr)
	}
	return c.run(stdout, stderr)
}

// parseExplore parses and validates the flags of pcq explore.
func parseExplore(args []string) (c exploreConfig, code int, ok bool) {
	fs := newFlagSet("explore", "[-impl NAMES|all] [-strategy pct:3|random|dfs:K] [-schedules N] [-duration D] [-goroutines N] [-ops N] [-cap N] [-seed S] [-scenario TEXT] [-replay TOKEN] [-out DIR] | -fuzz TARGET [-fuzztime D] [-instrument PKGS] [PKG]", exploreDescription)
	names := fs.String("impl", "all", "implementations, comma-separated: "+implNames()+", or all; broken:NAME is a deliberately broken queue (see internal/broken)")
	strategy := fs.String("strategy", "pct:3", "pct:DEPTH, random, or dfs:PREEMPTIONS (exhaustive within the bound)")
	fs.IntVar(&c.schedules, "schedules", 2000, "most schedules for each implementation")
	fs.DurationVar(&c.duration, "duration", 20*time.Second, "most time for each implementation")
	fs.IntVar(&c.goroutines, "goroutines", 3, "most clients of a scenario (2 or more)")
	fs.IntVar(&c.ops, "ops", 4, "most operations of a client (2 or more)")
	fs.IntVar(&c.capacity, "cap", -1, "capacity to run (0 unbounded); default: 0, 1 and 2 where the implementation allows")
	fs.Int64Var(&c.seed, "seed", time.Now().UnixNano(), "seed of the scenarios and the strategy (printed)")
	fs.StringVar(&c.scenario, "scenario", "", "explore this one scenario, as a failure prints it (c2=put~.get,get~: capacity, then each client's steps; ~ may wait); with dfs:K, every schedule of it within the bound")
	fs.StringVar(&c.replay, "replay", "", "run the one schedule of a failure's replay token (with one -impl)")
	fs.StringVar(&c.out, "out", filepath.Join(os.TempDir(), "pcq-explore"), "folder for the artifacts of a failure")
	fs.StringVar(&c.fuzz, "fuzz", "", "run this schedule fuzz target (go test -fuzz) instrumented, instead")
	fs.StringVar(&c.fuzztime, "fuzztime", "1m", "with -fuzz: go test's -fuzztime (a duration, or Nx)")
	instrumented := fs.String("instrument", "", "with -fuzz: more packages to build instrumented, comma-separated (the packages of your queue, when not PKG itself)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return c, 0, false
		}
		return c, 2, false
	}
	c.args = args
	c.instrument = splitList(*instrumented)
	var err error
	if c.strategy, err = harness.ParseStrategy(*strategy); err != nil {
		return c, usageError(fs, "-strategy: %v", err), false
	}
	if c.impls, err = parseImpls(*names); err != nil {
		return c, usageError(fs, "-impl: %v", err), false
	}
	return c.validate(fs)
}

// validate checks the parsed flags against each other.
func (c exploreConfig) validate(fs *flag.FlagSet) (exploreConfig, int, bool) {
	switch {
	case c.fuzz != "" && fs.NArg() > 1, c.fuzz == "" && fs.NArg() > 0:
		return c, usageError(fs, "unexpected argument %q", fs.Arg(fs.NArg()-1)), false
	case c.schedules < 1 || c.duration <= 0 || c.goroutines < 2 || c.ops < 2 || c.capacity < -1:
		return c, usageError(fs, "want -schedules >= 1, -duration > 0, -goroutines >= 2, -ops >= 2, -cap >= 0"), false
	case c.replay != "" && len(c.impls) != 1:
		return c, usageError(fs, "-replay replays one implementation's failure: name it with -impl"), false
	case c.scenario != "" && c.capacity >= 0:
		return c, usageError(fs, "-scenario gives its own capacity (c2=...): drop -cap"), false
	}
	if c.scenario != "" {
		s, err := scenario.ParseText(c.scenario)
		if err != nil {
			return c, usageError(fs, "-scenario: %v", err), false
		}
		c.capacity = s.Capacity
	}
	c.fuzzPkg = "./fuzz"
	if fs.NArg() == 1 {
		c.fuzzPkg = fs.Arg(0)
	}
	if c.capacity >= 0 {
		given := fmt.Sprintf("-cap %d", c.capacity)
		if c.scenario != "" {
			given = fmt.Sprintf("-scenario's capacity (c%d)", c.capacity)
		}
		for _, m := range c.impls {
			if err := m.checkCap(c.capacity); err != nil {
				return c, usageError(fs, "%s: %v (choose the implementations with -impl)", given, err), false
			}
		}
	}
	return c, 0, true
}

// splitList returns the comma-separated items of s, none for "".
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
