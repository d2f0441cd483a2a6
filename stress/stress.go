// Package stress checks a queue.Queue[int] under concurrency: many
// goroutines run random mixes of operations on one queue — blocking calls
// with deadlines, try-calls, task_done and join, shutdown soft and
// immediate mid-run — recorded and checked for linearizability, after
// cheap checks that fail fast (nothing lost, nothing duplicated, nothing
// from nowhere, per-producer order for FIFO, task counts), with probes of
// wake-ups and shutdown, a watchdog that turns a hang into a failure with
// a goroutine dump, and a leak check after every round. Run it under
// go test -race.
//
// A third party verifies its queue from its own test:
//
//	func TestMyQueue(t *testing.T) {
//		stress.Check(t, newMyQueue)
//	}
//
// Rounds are short (a few hundred operations, so that every history can
// be checked), vary GOMAXPROCS (1, 2, 4; restored after) and inject
// PCT-like runtime.Gosched points; with the default capacities, half the
// rounds past the first ones take wider capacities (small primes, powers
// of two and their neighbours). Round 3, then one round in 16, is
// long-lived: one queue through 2^20 operations, sequential stretches
// checked call by call between recorded concurrent windows, for the bugs
// of counters that wrap, resize cycles and slow leaks (not under
// relaxations). Each round's scenario is drawn from the
// seed alone: re-running with the seed of a failure (harness.WithSeed, or the
// PCQ_STRESS_SEED environment variable) replays the same operations in the
// same rounds, while the goroutines' interleaving is the scheduler's and
// can differ — a rare failure may need a few runs to reappear.
//
// [Run] is the same check returning an error, for programs and for tests
// that expect a failure. Run changes GOMAXPROCS while it runs: do not run
// it in parallel with other tests.
//
// Options are package harness's: harness.WithModel, WithCapacities,
// WithSeed, WithRelaxations, WithWatchdog, WithLogf, WithChecker,
// WithCheckSteps, WithCheckTimeout, WithArtifacts, and stress's own budget,
// WithGoroutines, WithOpsPerGoroutine, WithDuration, WithRounds,
// WithProbeWait and WithGoleakOptions. A failed round is a [*Failure],
// which matches harness.ErrFailed and names the harness.Check that failed;
// a bad option or a factory that refuses a capacity asked for is a
// *harness.SetupError instead.
package stress

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/scenario"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
	"go.uber.org/goleak"
)

// Result says what a passing (or failing) [Run] did.
type Result struct {
	Seed    int64 // the seed of every round's scenario
	Rounds  int   // rounds run
	Ops     int   // operations recorded and checked, over all rounds
	Elapsed time.Duration
	// Checkers counts the rounds each checker decided ("fast",
	// "porcupine").
	Checkers map[string]int
	// Unsupported counts the operations that returned
	// errors.ErrUnsupported (or a negative Len): not exercised.
	Unsupported map[models.Op]int
	// Skipped says what was not run and why: an unbounded capacity for a
	// bounded-only queue, a final probe of an unsupported operation.
	Skipped []string
	// Relaxations are the relaxations the queue was held to
	// (harness.WithRelaxations); nil: the strict model.
	Relaxations []linearizability.Relaxation
	// Drops counts, under linearizability.Lossy, the values put and never
	// got, over all rounds.
	Drops int
}

// Check runs the stress rounds on newQueue and fails t, with the report
// of [Failure], at the first round that fails; it skips t when [Run] gives
// no verdict (harness.ErrNoVerdict: an earlier failure of the binary left
// goroutines running that could explain what it saw). Without harness.WithArtifacts it
// writes a failure's artifacts to a new temporary folder. It logs the
// seed and what was not exercised.
func Check(t *testing.T, newQueue harness.Factory, opts ...harness.Option) {
	t.Helper()
	opts = append([]harness.Option{harness.WithLogf(t.Logf)}, opts...)
	_, err := run(newQueue, opts, func(c *config) { c.tempArtifact, c.testName = true, t.Name() })
	if errors.Is(err, harness.ErrNoVerdict) {
		t.Skip(err) // the earlier failure fails the binary; this queue is not blamed
	}
	if err != nil {
		t.Fatal(err)
	}
}

// Run runs the stress rounds on newQueue and returns a [*Failure] for the
// first round that fails: a check of the run failed, its history is not
// linearizable or could not be decided (never a pass), it hung, or it
// left goroutines behind. A hang or a liveness failure seen while
// goroutines abandoned by an earlier failure in the process still run is
// no verdict: a *harness.NoVerdictError (see harness.Starved), not a
// failure.
func Run(newQueue harness.Factory, opts ...harness.Option) (Result, error) {
	return run(newQueue, opts, func(*config) {})
}

// run is [Run], with what [Check] adds to the settings.
func run(newQueue harness.Factory, opts []harness.Option, add func(*config)) (res Result, err error) {
	start := time.Now()
	c, skipped, err := newConfig(newQueue, opts)
	if err != nil {
		return res, err
	}
	add(c)
	caps := c.Capacities
	res = Result{Seed: c.Seed, Checkers: map[string]int{}, Unsupported: map[models.Op]int{}, Relaxations: c.Relaxations, Skipped: skipped}
	if len(c.Relaxations) > 0 {
		res.Skipped = append(res.Skipped, "long-lived rounds: not run under relaxations (their sequential stretches hold the queue to the strict model)")
	}
	defer func() { res.Elapsed = time.Since(start) }()
	c.Logf("stress: seed %d (replay with harness.WithSeed(%d) or %s=%d)%s", c.Seed, c.Seed, SeedEnv, c.Seed, harness.UnderRelaxations(c.Relaxations))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	ignore := goleak.IgnoreCurrent()
	minRounds := c.minRounds(caps)
	for i := 0; c.more(i, minRounds, start); i++ {
		r := c.plan(i, caps)
		run := c.runRound
		if c.isLong(i) {
			run = c.runLong
		}
		if err := run(r, newQueue, ignore, &res); err != nil {
			return res, err
		}
	}
	c.report(&res, time.Since(start))
	return res, nil
}

// more reports whether round i should run.
func (c *config) more(i, minRounds int, start time.Time) bool {
	if c.Rounds > 0 {
		return i < c.Rounds
	}
	return i < minRounds || time.Since(start) < c.Duration
}

// runRound runs one round at its GOMAXPROCS, checks it and its leaks,
// and adds it to res.
func (c *config) runRound(r round, newQueue harness.Factory, ignore goleak.Option, res *Result) error {
	runtime.GOMAXPROCS(r.procs)
	epoch := harness.Epoch()
	o := scenario.Run(context.Background(), newQueue, r.scenario, scenario.OptionsOf(harness.Stress, c.Settings))
	res.Rounds++
	res.Drops += o.Drops
	res.Ops += o.Stats.Ops
	for op, n := range o.Unsupported {
		res.Unsupported[op] += n
	}
	for _, s := range o.NotProbed {
		if !slices.Contains(res.Skipped, s) {
			res.Skipped = append(res.Skipped, s)
		}
	}
	if o.Setup != nil {
		return harness.NewSetupError(harness.Stress, o.Setup)
	}
	if o.Check == "" && o.Report.Checker != "" {
		res.Checkers[o.Report.Checker]++
	}
	if err := o.Err(); err != nil {
		return harness.NoVerdict(harness.Stress, epoch, c.failure(r, o, ""))
	}
	if err := goleak.Find(append([]goleak.Option{ignore}, c.GoleakOptions...)...); err != nil {
		return c.failure(r, o, fmt.Sprintf("goroutines left behind after the round: %v", err))
	}
	return nil
}

// report logs what was not exercised and how the rounds were decided.
func (c *config) report(res *Result, elapsed time.Duration) {
	ops := slices.SortedFunc(maps.Keys(res.Unsupported), cmp.Compare[models.Op])
	for _, op := range ops {
		c.Logf("stress: not exercised: %v (%d calls returned errors.ErrUnsupported or a negative length)", op, res.Unsupported[op])
	}
	c.Logf("stress: %d rounds, %d operations checked in %v, decided by %v",
		res.Rounds, res.Ops, elapsed.Round(time.Millisecond), res.Checkers)
	if len(c.Relaxations) > 0 {
		c.Logf("stress: every round linearizable with %s", linearizability.RelaxationText(c.Relaxations, res.Drops))
	}
}
