package sched

import (
	"sync/atomic"
	"testing"
	"unsafe"
)

// counter is instrumented by hand: a scheduling point before each atomic.
type counter struct{ v atomic.Int64 }

// racyIncr loads and stores in two steps: two of them can lose an update.
func (c *counter) racyIncr() {
	Point("load", unsafe.Pointer(&c.v))
	x := c.v.Load()
	Point("store", unsafe.Pointer(&c.v))
	c.v.Store(x + 1)
}

// casIncr retries a compare-and-swap: never loses an update.
func (c *counter) casIncr() {
	for {
		Point("load", unsafe.Pointer(&c.v))
		x := c.v.Load()
		Point("cas", unsafe.Pointer(&c.v))
		if c.v.CompareAndSwap(x, x+1) {
			return
		}
	}
}

// mutex is a lock modelled with Await, as the drop-in sync.Mutex is.
type mutex struct{ held atomic.Bool }

func (m *mutex) lock() {
	Await("lock", unsafe.Pointer(m), func() bool { return !m.held.Load() })
	m.held.Store(true)
}

func (m *mutex) unlock() {
	Point("unlock", unsafe.Pointer(m))
	m.held.Store(false)
}

// incrementers runs n goroutines that each call incr once, and reports the
// final count through got.
func incrementers(n int, incr func(*counter), got *int64) func() {
	return func() {
		c := &counter{}
		done := make(chan struct{})
		for range n {
			Go(func() { incr(c); done <- struct{}{} })
		}
		for range n {
			<-done
		}
		*got = c.v.Load()
	}
}

// explore runs every schedule of e (at most limit) and calls check after
// each; it returns how many ran.
func explore(t *testing.T, e Explorer, limit int, body func(), check func(*Result) bool) (runs int, found *Result) {
	t.Helper()
	for runs < limit {
		s := e.Next()
		if s == nil {
			return runs, nil
		}
		res, err := Test(t, s, body, Options{})
		if err != nil {
			t.Fatalf("schedule %d: %v", runs, err)
		}
		runs++
		e.Done(res)
		if check(res) {
			return runs, res
		}
	}
	return runs, nil
}
