package scenario

import (
	"errors"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/stress/sched"
)

// Controlled configures [RunControlled].
type Controlled struct {
	Strategy sched.Strategy // who runs at each choice
	Trace    bool           // record every step (for a failure's report)
	MaxSteps int            // the livelock budget; 0: the scheduler's default
}

// controlledDefaults shrinks the final probes for the controlled
// scheduler: every goroutine and every call is a step of every schedule, and
// what the real-time probes get from many goroutines and many items
// (contention that the OS scheduler may or may not produce), the scheduler
// gets by choosing the interleaving.
func controlledDefaults(o Options) Options {
	if o.Probers == 0 {
		o.Probers = 2
	}
	if o.Burst <= 0 {
		o.Burst = 2
	}
	if o.BurstItems <= 0 {
		o.BurstItems = 4
	}
	if o.BurstTasks <= 0 {
		o.BurstTasks = 4
	}
	return o.withDefaults()
}

// RunControlled executes s once on a fresh queue under the controlled
// scheduler ([sched.Test], in a testing/synctest bubble of t) and checks it
// as [Run] does. Every client, canceller, drainer and probe goroutine is
// managed; the history's times are the scheduler's logical clock
// ([sched.Now]), so they order operations exactly, one client's in the
// order it ran them even within one step; a blocking call that no one can end is reported the
// moment no goroutine can run, never by a timeout.
//
// The queue is controlled at the granularity of its code's scheduling
// points: built normally, a queue's operations are atomic steps; built with
// the overlay of [github.com/pcqkit/pcq/stress/sched/instrument], every
// atomic and lock inside it is a step.
//
// The error says that the strategy could not be followed (a replayed
// schedule that does not fit); the outcome then is not a verdict.
func RunControlled(t *testing.T, newQueue harness.Factory, s Scenario, opts Options, c Controlled) (Outcome, *sched.Result, error) {
	opts = controlledDefaults(opts)
	o := Outcome{Seed: s.Seed, Capacity: s.Capacity}
	var ex *exec
	where := "" // where the scenario was when the scheduler found a failure
	body := func() {
		q, err := newQueue.New(s.Capacity)
		if err != nil {
			o.Setup = err
			return
		}
		s.Capacity = max(q.Cap(), 0)
		ex = newExec(q, s, opts, history.WithClock(sched.Now))
		ex.controlled = true
		ex.run(sched.Context())
	}
	if c.MaxSteps <= 0 {
		c.MaxSteps = stepBudget(s)
	}
	heldBack := "" // why cancellers held back when the scheduler found a failure
	onFailure := func() {
		if ex != nil {
			where, heldBack = ex.where(), ex.cancellers.heldBack()
		}
	}
	res, err := sched.Test(t, c.Strategy, body, sched.Options{Trace: c.Trace, MaxSteps: c.MaxSteps, OnFailure: onFailure})
	if err != nil || ex == nil {
		return o, res, err
	}
	o.Capacity = ex.s.Capacity
	for _, cl := range ex.clients {
		o.Goroutines = append(o.Goroutines, cl.gid)
	}
	ex.collect(&o)
	if res.Failure != nil {
		if heldBack != "" {
			where += "; " + heldBack
		}
		o.fail(failureOf(res.Failure), "%s: %v", where, res.Failure)
		return o, res, nil
	}
	ex.check(&o)
	return o, res, nil
}

// stepBudget is the number of steps after which a run of s is a livelock:
// far more than its operations, drain and probes take on a correct queue
// (a few hundred steps for a dozen operations), far fewer than a spinning
// goroutine reaches in a blink.
func stepBudget(s Scenario) int { return 20_000 + 2_000*s.Ops() }

// failureOf names the check that a scheduler's failure fails: a deadlock
// or a livelock is a liveness failure (a lost wake-up, a join that never
// returns, a spin on a condition nobody makes true), a panic of the queue
// breaks its contract.
func failureOf(err error) harness.Check {
	var p *sched.Panic
	if errors.As(err, &p) {
		return harness.Contract
	}
	return harness.Liveness
}
