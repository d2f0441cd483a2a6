package sched

import (
	"context"
	"sync/atomic"
	"testing"
)

// TestAfterFuncRunsInTheSchedule: the function of an AfterFunc runs in a
// managed goroutine, once the context is cancelled, in every schedule; it
// may wait for a lock that a stopped goroutine holds.
func TestAfterFuncRunsInTheSchedule(t *testing.T) {
	var managed, ran atomic.Bool
	body := func() {
		managed.Store(false)
		ran.Store(false)
		var m mutex
		ctx, cancel := context.WithCancel(context.Background())
		m.lock()
		AfterFunc(ctx, func() {
			m.lock()
			managed.Store(Self() != nil)
			ran.Store(true)
			m.unlock()
		})
		Go(cancel)
		m.unlock()
		Await("ran", nil, ran.Load)
	}
	runs, found := explore(t, DFS(2), 1000, body, func(r *Result) bool {
		return r.Failure != nil || r.Stuck != 0 || !managed.Load()
	})
	if found != nil {
		t.Fatalf("schedule %d: failure %v, %d stuck, f managed: %v", runs, found.Failure, found.Stuck, managed.Load())
	}
	if runs < 3 {
		t.Fatalf("%d schedules; want the cancel raced against the unlock", runs)
	}
}

// TestAfterFuncStop: stop stops f before the context is cancelled, not
// after; and a run whose AfterFunc never fires ends, nothing left stuck.
func TestAfterFuncStop(t *testing.T) {
	var ran atomic.Int32
	var stoppedBefore, stoppedAfter bool
	body := func() {
		ctx, cancel := context.WithCancel(context.Background())
		stoppedBefore = AfterFunc(ctx, func() { ran.Add(1) })()
		stop := AfterFunc(ctx, func() { ran.Add(1) })
		cancel()
		stoppedAfter = stop()
		AfterFunc(context.Background(), func() { ran.Add(1) })
	}
	runs, found := explore(t, DFS(2), 100, body, func(r *Result) bool { return r.Failure != nil || r.Stuck != 0 })
	if found != nil {
		t.Fatalf("failure %v, %d stuck; want a clean end", found.Failure, found.Stuck)
	}
	if !stoppedBefore || stoppedAfter || ran.Load() != int32(runs) {
		t.Fatalf("stopped before the cancel %v, after %v, f ran %d times in %d runs; want true, false, once a run",
			stoppedBefore, stoppedAfter, ran.Load(), runs)
	}
}
