package stress

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/scenario"
	"github.com/pcqkit/pcq/queue"
	"github.com/pcqkit/pcq/stress/sched/instrument"
	"go.uber.org/goleak"
)

// A long-lived round puts one queue instance through at least longOps
// operations, for the bugs that only a long-lived queue shows: counters
// and indices that wrap (after 2^16 operations, say), resize cycles that
// break after many grow-and-shrink cycles, slow leaks. Every other round
// makes a fresh queue for a few hundred operations.
//
// Most of its operations are sequential stretches of try_put and try_get,
// each call checked at once against the model's answer (see [sequential]):
// in turn, cycles that fill and drain the queue by varied amounts (to its
// capacity, past it for an ErrFull, and, unbounded, to hundreds of items:
// resizes), and a steady full queue (a wrap with items on both sides of
// it); after each of its longWindows stretches, a recorded concurrent
// window (a hammer scenario) runs on the same instance, drained and
// checked as any round.
const (
	longOps     = 1 << 20
	longWindows = 4
)

// longFirst and longEvery place the long-lived rounds: round longFirst,
// among the rounds every run makes with the default capacities, then one
// round in longEvery while the budget lasts.
const (
	longFirst = 3
	longEvery = 16
)

// isLong reports whether round i is long-lived. Under relaxations none
// is: the sequential stretches hold the queue to the strict model.
func (c *config) isLong(i int) bool {
	return len(c.Relaxations) == 0 && i >= longFirst && (i-longFirst)%longEvery == 0
}

// longMix is the kind of a long-lived round, as its failures name it.
var longMix = mix{name: "long-lived", mix: mixes[0].mix, steps: mixes[0].steps, parallel: true}

// runLong runs the long-lived round r and adds it to res.
func (c *config) runLong(r round, newQueue harness.Factory, ignore goleak.Option, res *Result) error {
	runtime.GOMAXPROCS(r.procs)
	q, err := newQueue.New(r.capacity)
	if err != nil {
		return harness.NewSetupError(harness.Stress, err)
	}
	defer func() { _ = q.Shutdown(true) }()
	rng := rand.New(rand.NewPCG(uint64(c.Seed), uint64(r.index)|1<<40))
	seq := &sequential{q: q, expect: expect{kind: c.Model, capacity: max(q.Cap(), 0)}, rng: rng, next: 1_000_000}
	opts := scenario.OptionsOf(harness.Stress, c.Settings)
	opts.SkipProbes = true // they shut the queue down
	same := harness.Factory(func(int) queue.Queue[int] { return q })
	for w := range longWindows {
		if err := seq.run(longOps/longWindows, w%2 == 1); errors.Is(err, errUnsupported) {
			c.skipLong(res, err)
			return nil
		} else if err != nil {
			return c.longFailure(r, seq, harness.Linearizability, err)
		}
		r.scenario = scenario.Generate(rng, scenario.Config{Clients: c.Goroutines, Steps: r.mix.steps(c.OpsPerGoroutine), Capacity: r.capacity, Mix: r.mix.mix})
		r.scenario.Seed = c.Seed
		epoch := harness.Epoch()
		o := scenario.Run(context.Background(), same, r.scenario, opts)
		res.Ops += o.Stats.Ops
		seq.ops += o.Stats.Ops
		if o.Check == "" && o.Report.Checker != "" {
			res.Checkers[o.Report.Checker]++
		}
		if err := o.Err(); err != nil {
			o.Explanation = fmt.Sprintf("window %d of %d, after %d operations on the same queue: %s", w+1, longWindows, seq.ops, o.Explanation)
			return harness.NoVerdict(harness.Stress, epoch, c.failure(r, o, ""))
		}
	}
	res.Rounds++
	res.Ops += seq.checked
	if err := goleak.Find(append([]goleak.Option{ignore}, c.GoleakOptions...)...); err != nil {
		return c.longFailure(r, seq, harness.Leak, fmt.Errorf("goroutines left behind after the round: %v", err))
	}
	return nil
}

// skipLong notes, once, that long-lived rounds cannot run.
func (c *config) skipLong(res *Result, err error) {
	why := err.Error() + ": not run"
	if !slices.Contains(res.Skipped, why) {
		res.Skipped = append(res.Skipped, why)
	}
}

// longFailure is the failure of check of the long-lived round r, outside
// its windows: a sequential stretch (harness.Linearizability: an answer
// that the model does not give), or a leak.
func (c *config) longFailure(r round, seq *sequential, check harness.Check, err error) *Failure {
	f := &Failure{Seed: c.Seed, Round: r.index, Mix: r.mix.name, GOMAXPROCS: r.procs, Capacity: r.capacity,
		Check: check, Relaxations: c.Relaxations,
		Explanation: fmt.Sprintf("after %d operations on the same queue, alone (nothing else ran, so the model predicts each answer): %v", seq.ops, err)}
	if c.testName != "" {
		f.Replay = fmt.Sprintf("%s=%d go test -race -run '%s' (harness.WithRounds(%d) stops at that round)",
			SeedEnv, f.Seed, instrument.RunPattern(c.testName), f.Round+1)
	}
	return f
}
