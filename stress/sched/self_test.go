package sched

import (
	"sync/atomic"
	"testing"
)

// TestBlockedAtAPointThatCannotProceed: a goroutine waiting for a lock
// that another holds is blocked and parked, as one blocked on a channel
// is; one spinning at a Gosched is blocked, not parked.
func TestBlockedAtAPointThatCannotProceed(t *testing.T) {
	var lockBlocked, lockParked, spinBlocked, spinParked bool
	body := func() {
		var m mutex
		var spin atomic.Bool
		m.lock()
		waiter := make(chan *G, 1)
		Go(func() { waiter <- Self(); m.lock(); m.unlock() })
		spinner := make(chan *G, 1)
		Go(func() {
			spinner <- Self()
			for !spin.Load() {
				Gosched()
			}
		})
		w, s := <-waiter, <-spinner
		Await("look", nil, func() bool {
			lockBlocked, lockParked = w.Blocked(), w.Parked()
			spinBlocked, spinParked = s.Blocked(), s.Parked()
			return lockBlocked && spinBlocked
		})
		spin.Store(true)
		m.unlock()
	}
	_, found := explore(t, DFS(1), 200, body, func(r *Result) bool { return r.Failure != nil })
	if found != nil {
		t.Fatalf("lock: blocked %v, parked %v; spin: blocked %v, parked %v: %v", lockBlocked, lockParked, spinBlocked, spinParked, found.Failure)
	}
	if !lockParked || spinParked {
		t.Fatalf("lock: parked %v; spin: parked %v; want true, false", lockParked, spinParked)
	}
}
