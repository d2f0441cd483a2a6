package sched

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

// TestAfterFuncOnADeadline: a goroutine waits at a point (as in a
// Cond.Wait) for the f of an AfterFunc on a context that its deadline
// ends: time passes and the wait ends, no deadlock (every goroutine was
// stopped at a point, so none was "blocked outside" for time to pass).
func TestAfterFuncOnADeadline(t *testing.T) {
	body := func() {
		var woken atomic.Bool
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		AfterFunc(ctx, func() { woken.Store(true) })
		Await("cond.Wait", nil, woken.Load)
	}
	_, found := explore(t, DFS(1), 20, body, func(r *Result) bool { return r.Failure != nil || r.Stuck != 0 })
	if found != nil {
		t.Fatalf("failure %v, %d stuck", found.Failure, found.Stuck)
	}
}

// TestAfterFuncOnADeadlineWhileBlockedOutside: the same wait on a
// channel (blocked outside a point).
func TestAfterFuncOnADeadlineWhileBlockedOutside(t *testing.T) {
	body := func() {
		woken := make(chan struct{})
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		AfterFunc(ctx, func() { close(woken) })
		<-woken
	}
	_, found := explore(t, DFS(1), 20, body, func(r *Result) bool { return r.Failure != nil || r.Stuck != 0 })
	if found != nil {
		t.Fatalf("failure %v, %d stuck", found.Failure, found.Stuck)
	}
}
