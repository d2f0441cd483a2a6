package sched

import (
	"sync/atomic"
	"testing"
	"unsafe"
)

// spinners runs n goroutines that spin (Gosched) until a setter, started
// last, sets a flag in two steps: the search can preempt it between them.
func spinners(n int) func() {
	return func() {
		var flag atomic.Bool
		var steps atomic.Int32
		done := make(chan struct{})
		for range n {
			Go(func() {
				for Point("load", unsafe.Pointer(&flag)); !flag.Load(); Point("load", unsafe.Pointer(&flag)) {
					Gosched()
				}
				done <- struct{}{}
			})
		}
		Go(func() {
			Point("add", unsafe.Pointer(&steps))
			steps.Add(1)
			Point("store", unsafe.Pointer(&flag))
			flag.Store(true)
			done <- struct{}{}
		})
		for range n + 1 {
			<-done
		}
	}
}

// TestDFSIsFairToWhomSpinnersWaitFor: two spinners wait for a setter that
// the search preempted. Switching at a yield costs DFS no preemption, so
// without fairness it can keep the spinners taking turns for ever and
// report a livelock that no fair scheduler would produce (found on pcq's
// Ring: two getters confirming "empty" behind a put in flight).
func TestDFSIsFairToWhomSpinnersWaitFor(t *testing.T) {
	e, body := DFS(1), spinners(2)
	runs := 0
	for ; runs < 20_000; runs++ {
		s := e.Next()
		if s == nil {
			return // complete, and no livelock
		}
		res, err := Test(t, s, body, Options{MaxSteps: 2_000})
		if err != nil {
			t.Fatalf("schedule %d: %v", runs, err)
		}
		if res.Failure != nil {
			t.Fatalf("schedule %d of DFS(1): %v", runs, res.Failure)
		}
		e.Done(res)
	}
	t.Fatalf("DFS(1) over two spinners and a setter did not complete in %d schedules", runs)
}

// TestSpinnersMayWaitAFewYields: spinners taking turns may each yield a
// few times (fairYields) while the goroutine they wait for is held back,
// so that a spin that gives up after a bounded number of tries is explored
// to its end (pcq's lost wake-up behind a put in flight needs two getters
// to spin to their park): DFS(1) finds a schedule in which a spinner
// yields fairYields times before the setter runs.
func TestSpinnersMayWaitAFewYields(t *testing.T) {
	most := 0
	body := func() {
		var flag atomic.Bool
		done := make(chan struct{})
		for range 2 {
			Go(func() {
				yields := 0
				for Point("load", unsafe.Pointer(&flag)); !flag.Load(); Point("load", unsafe.Pointer(&flag)) {
					Gosched()
					yields++
				}
				most = max(most, yields)
				done <- struct{}{}
			})
		}
		Go(func() { // one step: its start
			flag.Store(true)
			done <- struct{}{}
		})
		for range 3 {
			<-done
		}
	}
	if _, found := explore(t, DFS(1), 100_000, body, func(r *Result) bool { return r.Failure != nil }); found != nil {
		t.Fatalf("DFS(1): %v", found.Failure)
	}
	const want = 5 // the kit's spin loops try 4 times before they park (queue's spinTries)
	if most < want {
		t.Fatalf("a spinner yielded at most %d times before the setter ran; want at least %d (fairYields is %d)", most, want, fairYields)
	}
}
