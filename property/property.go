// Package property checks a queue.Queue[int] against its sequential model
// with property-based tests (gopter): random sequences of calls whose every
// answer must be the model's, shrunk to a minimal failing sequence, and the
// producer-consumer protocols (sentinels, shutdown, immediate shutdown, join)
// run for real with random numbers of producers, consumers and items.
//
// A third party verifies its queue from its own test:
//
//	func TestMyQueue(t *testing.T) {
//		property.Check(t, newMyQueue)
//	}
//
// [Run] is the same check returning an error, for programs and for tests
// that expect a failure.
//
// Options are package harness's: harness.WithModel, WithCapacities,
// WithSeed, WithRelaxations, WithWatchdog, WithLogf, and property's own budget, WithRuns,
// WithSequenceLength and WithBlockWait. A failed property is a
// [*Failure], which matches harness.ErrFailed and names the check that
// failed (harness.Sequence or harness.Protocol); a bad option or a
// factory that refuses a capacity asked for is a *harness.SetupError
// instead.
//
// Under harness.WithRelaxations the queue is held to relaxations of the
// strict model:
//
//   - linearizability.SpuriousTryFailures: in the command sequences, a
//     try_put answering full or a try_get answering empty where the model
//     predicts success is accepted, with no effect on the model state; the
//     protocols accept them at the end too (they poll the try calls).
//   - linearizability.Lossy: the model cannot predict drops, so the
//     command sequences are not run (logged "commands not run: Lossy");
//     nor is the sentinels protocol (a dropped sentinel leaves a consumer
//     waiting forever). The shutdown protocols run with exactly-once
//     relaxed to at-most-once (no item processed twice or from nowhere,
//     but items may be lost), and without their join and task_done checks.
package property

import (
	"errors"
	"fmt"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
)

// check is one property of one capacity.
type check struct {
	name     string // "commands/fifo/capacity=1"
	property string // "commands"
	run      func() error
}

// commands is the property of random command sequences; the others are
// the protocols'.
const sequences = "commands"

// failed remembers the properties that failed: they are not run again on
// the next capacities (a queue that hangs would cost a watchdog each time).
type failed map[string]bool

// skip says why c is not run ("" if it is).
func (f failed) skip(c check) string {
	if f[c.property] {
		return fmt.Sprintf("property: %s not run: %s failed on a smaller capacity already", c.name, c.property)
	}
	return ""
}

// plan returns the checks to run, after finding the capacities and the
// calls that the queue supports (logging what it cannot exercise).
func plan(newQueue harness.Factory, cfg *config) ([]check, error) {
	caps := cfg.Capacities
	s, err := detectSupport(newQueue, caps[0])
	if err != nil {
		return nil, harness.NewSetupError(harness.Property, err)
	}
	logUnsupported(cfg, s)
	lossy := cfg.relaxed(linearizability.Lossy)
	if lossy {
		cfg.Logf("property: commands not run: Lossy (the model cannot predict drops)")
	}
	var checks []check
	for _, c := range caps {
		spec := models.Spec{Kind: cfg.Model, Capacity: c}
		name := fmt.Sprintf("%v/capacity=%d", cfg.Model, c)
		if !lossy {
			checks = append(checks, check{sequences + "/" + name, sequences, func() error {
				return runProp(sequences, commandsProp(newQueue, spec, s, cfg), spec, cfg, cfg.SequenceLength, 1000)
			}})
		}
		for _, p := range protocols {
			pr := p
			checks = append(checks, check{pr.name + "/" + name, pr.name, func() error {
				if why := pr.needs(cfg.Model, s); why != "" {
					cfg.Logf("property: %s not exercised: %s", pr.name, why)
					return nil
				}
				if lossy && pr.sentinels {
					cfg.Logf("property: %s not run: Lossy (a dropped sentinel leaves a consumer waiting)", pr.name)
					return nil
				}
				st := &stats{}
				err := runProp(pr.name, protocolProp(pr, newQueue, spec, s, cfg, st), spec, cfg, 1, protocolShrinks)
				cfg.Logf("property: %s/%s: %v", pr.name, name, st)
				return err
			}})
		}
	}
	return checks, nil
}

// Run checks the queues that newQueue makes against the model (FIFO unless
// harness.WithModel says otherwise) and returns nil when every property
// holds, else the [*Failure]s joined (each matches harness.ErrFailed and
// states its seed), or a [*harness.SetupError] when it could not run. A
// property whose failure starvation could explain, while goroutines
// abandoned by an earlier failure in the process still run, gives no
// verdict: its error is a [*harness.NoVerdictError], joined with the
// others.
func Run(newQueue harness.Factory, opts ...harness.Option) error {
	cfg, err := newConfig(newQueue, opts)
	if err != nil {
		return err
	}
	checks, err := plan(newQueue, cfg)
	if err != nil {
		return err
	}
	var errs []error
	f := failed{}
	for _, c := range checks {
		if why := f.skip(c); why != "" {
			cfg.Logf("%s", why)
			continue
		}
		if err := c.run(); err != nil {
			f[c.property] = true
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Check is [Run] as a test: one subtest per property and capacity, each
// failing with the minimal failing case and the seed that reproduces it.
func Check(t *testing.T, newQueue harness.Factory, opts ...harness.Option) {
	t.Helper()
	cfg, err := newConfig(newQueue, append([]harness.Option{harness.WithLogf(t.Logf)}, opts...))
	if err != nil {
		t.Fatal(err)
	}
	checks, err := plan(newQueue, cfg)
	if err != nil {
		t.Fatal(err)
	}
	f := failed{}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if why := f.skip(c); why != "" {
				t.Skip(why)
			}
			err := c.run()
			if errors.Is(err, harness.ErrNoVerdict) {
				t.Skip(err) // the earlier failure fails the binary; this queue is not blamed
			}
			if err != nil {
				f[c.property] = true
				t.Fatal(err)
			}
		})
	}
}

// protocolShrinks bounds the shrinking of a failed protocol workload: they
// are small already, and each failing attempt of a hang costs a watchdog.
const protocolShrinks = 4

// runProp checks one gopter property and turns its failure into an error:
// a [*Failure], or no verdict (a [*harness.NoVerdictError]) when a call or
// a workload hung, or did not return in time, while goroutines abandoned
// by an earlier failure still ran: shrinking may have led from any
// failure to such a one.
func runProp(name string, p gopter.Prop, spec models.Spec, cfg *config, size, shrinks int) error {
	params := gopter.DefaultTestParametersWithSeed(cfg.Seed)
	params.MinSuccessfulTests = cfg.Runs
	params.MaxSize = size
	params.MaxShrinkCount = shrinks
	epoch := harness.Epoch()
	cfg.timed.Store(0)
	r := p.Check(params)
	if r.Passed() {
		return nil
	}
	f := newFailure(name, spec, cfg.Seed, r)
	if cfg.timed.Load() > 0 {
		if nv := harness.Starved(harness.Property, epoch, f); nv != nil {
			return nv
		}
	}
	return f
}
