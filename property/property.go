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
package property

import (
	"errors"
	"fmt"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// check is one property of one capacity.
type check struct {
	name     string // "commands/fifo/capacity=1"
	property string // "commands"
	run      func() error
}

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
func plan(newQueue func(int) queue.Queue[int], cfg *config) ([]check, error) {
	caps, err := capacities(newQueue, cfg)
	if err != nil {
		return nil, err
	}
	s, err := probe(newQueue, caps[0])
	if err != nil {
		return nil, fmt.Errorf("property: %w", err)
	}
	logUnsupported(cfg, s)
	lossy := cfg.relaxed(linearizability.Lossy)
	if lossy {
		cfg.logf("property: commands not run: Lossy (the model cannot predict drops)")
	}
	var checks []check
	for _, c := range caps {
		spec := models.Spec{Kind: cfg.kind, Capacity: c}
		name := fmt.Sprintf("%v/capacity=%d", cfg.kind, c)
		if !lossy {
			checks = append(checks, check{"commands/" + name, "commands", func() error {
				return runProp("commands", commandsProp(newQueue, spec, s, cfg), spec, cfg, cfg.maxOps, 1000)
			}})
		}
		for _, p := range protocols {
			pr := p
			checks = append(checks, check{pr.name + "/" + name, pr.name, func() error {
				if why := pr.needs(cfg.kind, s); why != "" {
					cfg.logf("property: %s not exercised: %s", pr.name, why)
					return nil
				}
				if lossy && pr.sentinels {
					cfg.logf("property: %s not run: Lossy (a dropped sentinel leaves a consumer waiting)", pr.name)
					return nil
				}
				st := &stats{}
				err := runProp(pr.name, protocolProp(pr, newQueue, spec, s, cfg, st), spec, cfg, 1, protocolShrinks)
				cfg.logf("property: %s/%s: %v", pr.name, name, st)
				return err
			}})
		}
	}
	return checks, nil
}

// Run checks the queues that newQueue makes against the model (FIFO unless
// [WithModel] says otherwise) and returns nil when every property holds,
// else the failures joined; each failure states its seed.
func Run(newQueue func(capacity int) queue.Queue[int], opts ...Option) error {
	cfg := newConfig(opts)
	checks, err := plan(newQueue, cfg)
	if err != nil {
		return err
	}
	var errs []error
	f := failed{}
	for _, c := range checks {
		if why := f.skip(c); why != "" {
			cfg.logf("%s", why)
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
func Check(t *testing.T, newQueue func(capacity int) queue.Queue[int], opts ...Option) {
	t.Helper()
	cfg := newConfig(append([]Option{WithLogf(t.Logf)}, opts...))
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
			if err := c.run(); err != nil {
				f[c.property] = true
				t.Fatal(err)
			}
		})
	}
}

// protocolShrinks bounds the shrinking of a failed protocol scenario: they
// are small already, and each failing attempt of a hang costs a watchdog.
const protocolShrinks = 4

// runProp checks one gopter property and turns its failure into an error.
func runProp(name string, p gopter.Prop, spec models.Spec, cfg *config, size, shrinks int) error {
	params := gopter.DefaultTestParametersWithSeed(cfg.seed)
	params.MinSuccessfulTests = cfg.runs
	params.MaxSize = size
	params.MaxShrinkCount = shrinks
	r := p.Check(params)
	if r.Passed() {
		return nil
	}
	return failure(name, spec, cfg.seed, r)
}

// failure describes a failed gopter result: what failed, the minimal case,
// the seed and how to re-run it.
func failure(name string, spec models.Spec, seed int64, r *gopter.TestResult) error {
	capacity := "unbounded"
	if spec.Capacity > 0 {
		capacity = fmt.Sprintf("capacity %d", spec.Capacity)
	}
	head := fmt.Sprintf("property: %s (%v, %s) failed after %d passed (seed %d; re-run with property.WithSeed(%d))",
		name, spec.Kind, capacity, r.Succeeded, seed, seed)
	switch {
	case r.Status == gopter.TestError:
		return fmt.Errorf("%s: %v\n%s", head, r.Error, r.ErrorStack)
	case r.Status == gopter.TestExhausted:
		return fmt.Errorf("%s: gave up: too many discarded cases", head)
	}
	shrinks := 0
	if len(r.Args) > 0 {
		shrinks = r.Args[0].Shrinks
	}
	msg := fmt.Sprintf("%s; minimal failing case (shrunk %d times):", head, shrinks)
	for _, l := range r.Labels {
		msg += "\n" + l
	}
	return errors.New(msg)
}
