package sched

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// Options are the settings of one run.
type Options struct {
	// MaxSteps is the step budget: a schedule that takes more steps
	// without every goroutine finishing is a [Livelock]. 0: 100,000.
	MaxSteps int
	// Idle is how long of the bubble's fake time the run lets pass when
	// no goroutine can run but some are blocked outside a point (a
	// sleep, a timer, a channel that a timer's callback may feed): a
	// timer that fires within it wakes its goroutine, and the schedule
	// goes on; if none comes to a point, it is a [Deadlock]. Fake time
	// costs no real time. 0: one hour.
	Idle time.Duration
	// Spin is the fake time that passes before a choice among goroutines
	// that all stand at a [Gosched] (each spins, waiting for another): a
	// spin loop that polls a clock (a get with a timeout) sees time pass
	// as it would running, and gives up in a bounded number of rounds.
	// 0: 100µs.
	Spin time.Duration
	// Trace records every step with the file and line of its point
	// ([Result.Trace]); it costs a stack walk a step, so failures are
	// usually replayed with it rather than explored with it.
	Trace bool
	// OnFailure, if set, is called once when the run finds a deadlock,
	// livelock or panic, before it unwinds the goroutines: while every
	// managed goroutine is still where the failure found it. It must not
	// block or call a hook.
	OnFailure func()
}

// A Result is how one run went.
type Result struct {
	Steps    int      // steps taken
	Choices  []Choice // every decision, with Chosen filled in, for a strategy that asks for them ([DFS]'s)
	Schedule Schedule // the decisions, replayable with [Replay]
	// Failure is a [*Deadlock], [*Livelock] or [*Panic] of the managed
	// goroutines, or nil. The body's own checks are the caller's.
	Failure error
	Trace   []Step // with Options.Trace
	// Stuck counts the goroutines that could not be unwound after an
	// abort: blocked on a channel that no cancellation reaches.
	Stuck int
}

// Run executes body once in a new managed goroutine, under strategy s, and
// returns when every goroutine that the run manages has finished, or when it
// aborts the schedule. It must be called from a goroutine in a
// testing/synctest bubble that the run does not manage (see [Test]): channel
// operations block goroutines for real, and the bubble tells when every
// goroutine is either at a scheduling point or durably blocked.
//
// The error is not about the code under test: it says that s could not be
// followed ([ErrMismatch], [ErrNondeterministic]).
func Run(s Strategy, body func(), opts Options) (*Result, error) {
	r := &run{strategy: s, maxSteps: opts.MaxSteps, idle: opts.Idle, spin: opts.Spin, tracing: opts.Trace, current: -1, onFailure: opts.OnFailure,
		arrived: make(chan struct{}, 1)}
	if r.maxSteps <= 0 {
		r.maxSteps = 100_000
	}
	if r.idle <= 0 {
		r.idle = time.Hour
	}
	if r.spin <= 0 {
		r.spin = 100 * time.Microsecond
	}
	_, r.keepChoices = s.(choiceKeeper)
	r.ctx, r.cancel = context.WithCancel(context.Background())
	defer r.cancel()
	inProgress.Add(1)
	defer inProgress.Add(-1)
	r.spawn(body, false)
	r.loop()
	return r.result(s)
}

// result collects the outcome of a finished run.
func (r *run) result(s Strategy) (*Result, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	res := &Result{Steps: int(r.steps.Load()), Failure: r.failure, Trace: r.trace}
	for _, g := range r.gs {
		if g.state != finished {
			res.Stuck++
		}
	}
	res.Schedule.Fingerprint = r.print
	res.Schedule.Decisions = r.decisions
	res.Choices = r.choices
	if rs, ok := s.(*replayStrategy); ok {
		rs.finish(res)
	}
	if f, ok := s.(interface{ Err() error }); ok && f.Err() != nil {
		return res, f.Err()
	}
	return res, nil
}

// Test runs body once under s, as [Run] does, in a new testing/synctest
// bubble of t. Goroutines that an aborted schedule left blocked for good are
// counted in [Result.Stuck] instead of failing t. A run with no step for
// [StallLimit] is stuck outside the scheduler's control: Test then prints
// every goroutine's stack and panics, rather than hang.
func Test(t *testing.T, s Strategy, body func(), opts Options) (res *Result, err error) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			if !strings.Contains(fmt.Sprint(p), "blocked goroutines remain") || res == nil || res.Stuck == 0 {
				panic(p)
			}
		}
	}()
	defer watch()()
	synctest.Test(t, func(*testing.T) {
		res, err = Run(s, body, opts)
	})
	return res, err
}

// Bench runs f inside a test of its own, with b's timer running only while
// f does, for a benchmark of code that runs under the scheduler: [Test]
// needs a *testing.T, and a benchmark has a *testing.B.
func Bench(b *testing.B, f func(*testing.T)) {
	b.StopTimer()
	ran := false // RunTests runs a test once for each -cpu value
	ok := testing.RunTests(func(string, string) (bool, error) { return true, nil }, []testing.InternalTest{{
		Name: b.Name(), F: func(t *testing.T) {
			if !ran {
				ran = true
				b.StartTimer()
				f(t)
				b.StopTimer()
			}
		},
	}})
	if !ok {
		b.Fatal("sched: the test running the benchmark's loop failed")
	}
}
