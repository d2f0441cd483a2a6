package sched

import (
	"context"
	"sync/atomic"
)

// AfterFunc is [context.AfterFunc] for instrumented code. Called by a
// managed goroutine, it starts a managed goroutine that waits (at an
// [Await]) until ctx is done and then runs f, or until stop stops f, so
// that what f does (lock a mutex, broadcast a Cond) is a step of the
// schedule like any other: context.AfterFunc would run f in a goroutine
// the scheduler does not know, which could block on a mutex that a
// stopped goroutine holds. Whether stop stops f is decided as
// context.AfterFunc decides it, when ctx is cancelled. The waiting
// goroutine is dormant: a run whose other goroutines have finished ends
// without it. Outside a scheduler AfterFunc is context.AfterFunc.
func AfterFunc(ctx context.Context, f func()) (stop func() bool) {
	g := current()
	if g == nil {
		return context.AfterFunc(ctx, f)
	}
	g.stop("go", nil, nil, false) // as spawn does: see there
	var fired, stopped atomic.Bool
	r := g.r
	stopInner := context.AfterFunc(ctx, func() {
		fired.Store(true)
		select { // the dormant goroutine can run: a wait for time to pass ends
		case r.arrived <- struct{}{}:
		default:
		}
	})
	g.r.spawnDormant(func() {
		Await("context.AfterFunc", nil, func() bool { return fired.Load() || stopped.Load() })
		if fired.Load() {
			f()
		}
	})
	return func() bool {
		if !stopInner() {
			return false
		}
		stopped.Store(true)
		return true
	}
}
