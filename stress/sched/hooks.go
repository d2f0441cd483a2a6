package sched

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/petermattis/goid"
)

// inProgress counts the runs in progress in the process: while it is zero,
// every hook returns at once without looking the goroutine up.
var inProgress atomic.Int32

// managed maps the runtime id of each managed goroutine to its record.
var managed sync.Map // int64 -> *goroutine

// current returns the calling goroutine's record, or nil if it is not
// managed by a run in progress.
func current() *goroutine {
	if inProgress.Load() == 0 {
		return nil
	}
	g, ok := managed.Load(goid.Get())
	if !ok {
		return nil
	}
	return g.(*goroutine)
}

// Point is a scheduling point of the calling goroutine. Under a scheduler
// the goroutine stops here until the scheduler lets it run again; the
// operation that follows the call (an atomic load, a lock) then happens
// while no other managed goroutine runs. Outside a scheduler it returns at
// once. what names the operation ("atomic.Int32.Add"); obj is the variable it
// touches, or nil.
func Point(what string, obj unsafe.Pointer) {
	if g := current(); g != nil {
		g.stop(what, obj, nil, false)
	}
}

// Await is a scheduling point at which the calling goroutine may run only
// once ready() reports true: it models a blocking operation (a mutex that is
// held, a WaitGroup that is not done). When Await returns true, ready() was
// true at the moment the goroutine was let run, and nothing else has run
// since. ready is called by the scheduler while no managed goroutine runs;
// it must not block, change state or call a hook. Outside a scheduler Await
// returns false at once without calling ready, and the caller performs the
// real blocking operation.
func Await(what string, obj unsafe.Pointer, ready func() bool) bool {
	g := current()
	if g == nil {
		return false
	}
	g.stop(what, obj, ready, false)
	return true
}

// Managed reports whether the calling goroutine runs under a scheduler.
func Managed() bool { return current() != nil }

// Gosched is [runtime.Gosched] for instrumented code: a scheduling point at
// which the goroutine says that it waits for another to make progress (a
// spin loop), so that strategies run someone else. Outside a scheduler it
// calls runtime.Gosched.
func Gosched() {
	if g := current(); g != nil {
		g.stop("runtime.Gosched", nil, nil, true)
		return
	}
	runtime.Gosched()
}

// Go starts f in a new goroutine. Called by a managed goroutine, the new
// goroutine is managed by the same scheduler (it joins the schedule at once,
// with the next free goroutine number); otherwise it is a plain goroutine.
func Go(f func()) { spawn(f, false) }

// GoWatcher is [Go] for a goroutine that only reacts to others: one that
// waits (with [Await]) until a goroutine is blocked and then ends its wait,
// as a timeout or a canceller does. A goroutine that yields does not wait
// for a watcher to run (see [Choice.Unfair]): it is made runnable by that
// very yield, and running it would end the wait, not let the spinner's
// peers make progress.
func GoWatcher(f func()) { spawn(f, true) }

// spawn is Go, or GoWatcher with watcher true.
func spawn(f func(), watcher bool) {
	if g := current(); g != nil {
		// A point first: two goroutines running at once (one woke the
		// other through a channel) must not number their children in an
		// order the scheduler did not choose.
		g.stop("go", nil, nil, false)
		g.r.spawn(f, watcher)
		return
	}
	go f()
}

// StopExploring makes every later choice of the caller's run the default
// one ([Choice.Default]: the current goroutine goes on while it can, then
// the next in round-robin order), without asking the strategy or recording
// a decision. A harness calls it when what remains of a run (final checks,
// probes) needs no interleaving explored: exhaustive searches then stay
// within the part that matters, and replays stay short. Outside a
// scheduler it does nothing.
func StopExploring() {
	if g := current(); g != nil {
		g.r.mu.Lock()
		g.r.settled = true
		g.r.mu.Unlock()
	}
}

// Now returns the logical time of a managed goroutine: a clock of its run
// that ticks once at every step and once at every reading, so that no two
// readings are equal and a reading made after another one, by any
// goroutine, is larger. An operation whose return was read at time t thus
// finished before any operation whose call was read after t, and a
// goroutine's operations, stamped at their call and return, never touch
// even when several run within one step. [Step.Time] places the steps of a
// trace on the same clock. Outside a scheduler Now returns -1.
func Now() int64 {
	if g := current(); g != nil {
		return g.r.clock.Add(1)
	}
	return -1
}

// Context returns a context that the run cancels when it aborts a schedule
// (a deadlock, a livelock, a panic), so that goroutines waiting on it can
// unwind; it is never cancelled otherwise. Outside a scheduler it returns
// nil.
func Context() context.Context {
	if g := current(); g != nil {
		return g.r.ctx
	}
	return nil
}
