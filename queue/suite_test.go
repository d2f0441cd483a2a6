package queue

import (
	"cmp"
	"context"
	"errors"
	"runtime"
	"testing"
	"time"
)

// order is the order in which an implementation hands out its items.
type order int

const (
	fifoOrder order = iota
	lifoOrder
	priorityOrder
)

// suiteImpl is one implementation under the semantic suite.
type suiteImpl struct {
	name      string
	new       func(capacity int) Queue[int]
	order     order
	bounded   bool // can be bounded (capacity >= 1)
	unbounded bool // can be unbounded (capacity <= 0)
}

var suiteImpls = []suiteImpl{
	{"Locked", func(c int) Queue[int] { return NewLocked[int](c) }, fifoOrder, true, true},
	{"Chan", func(c int) Queue[int] { return NewChan[int](c) }, fifoOrder, true, false},
	{"Ring", func(c int) Queue[int] { return NewRing[int](c) }, fifoOrder, true, false},
	{"Linked", func(int) Queue[int] { return NewLinked[int]() }, fifoOrder, false, true},
	{"LIFO", func(c int) Queue[int] { return NewLIFO[int](c) }, lifoOrder, true, true},
	{"Priority", func(c int) Queue[int] { return NewPriority(c, cmp.Compare[int]) }, priorityOrder, true, true},
}

// suiteCase is one implementation at one capacity.
type suiteCase struct {
	suiteImpl
	capacity int // 0: unbounded
}

func (c suiteCase) String() string {
	if c.capacity == 0 {
		return c.name + "/unbounded"
	}
	return c.name + "/bounded"
}

// forEach runs f, in parallel, for every implementation at every capacity
// it supports: capacity for bounded ones, 0 for unbounded ones.
func forEach(t *testing.T, capacity int, f func(t *testing.T, c suiteCase)) {
	forEachIf(t, capacity, true, true, f)
}

// forEachBounded runs f for every implementation that can be bounded.
func forEachBounded(t *testing.T, capacity int, f func(t *testing.T, c suiteCase)) {
	forEachIf(t, capacity, true, false, f)
}

func forEachIf(t *testing.T, capacity int, bounded, unbounded bool, f func(t *testing.T, c suiteCase)) {
	t.Helper()
	for _, im := range suiteImpls {
		var cases []suiteCase
		if bounded && im.bounded {
			cases = append(cases, suiteCase{im, capacity})
		}
		if unbounded && im.unbounded {
			cases = append(cases, suiteCase{im, 0})
		}
		for _, c := range cases {
			t.Run(c.String(), func(t *testing.T) {
				t.Parallel()
				f(t, c)
			})
		}
	}
}

// short is the deadline of a call expected to block.
const short = 20 * time.Millisecond

// shortCtx returns a context that ends after short.
func shortCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), short)
	t.Cleanup(cancel)
	return ctx
}

// doneCtx returns a context that has already ended.
func doneCtx() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

// mustIs fails t unless errors.Is(err, want).
func mustIs(t *testing.T, what string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("%s: got error %v, want %v", what, err, want)
	}
}

// mustGet takes one item at once and checks it.
func mustGet(t *testing.T, q Queue[int], want int) {
	t.Helper()
	v, err := q.TryGet()
	if err != nil || v != want {
		t.Fatalf("TryGet = %d, %v; want %d, nil", v, err, want)
	}
}

// fill puts 1..n with TryPut.
func fill(t *testing.T, q Queue[int], n int) {
	t.Helper()
	for i := 1; i <= n; i++ {
		if err := q.TryPut(i); err != nil {
			t.Fatalf("TryPut(%d): %v", i, err)
		}
	}
}

// async runs f in a goroutine and returns a channel that delivers its error.
func async(f func() error) <-chan error {
	ch := make(chan error, 1)
	go func() { ch <- f() }()
	return ch
}

// blocked fails t if ch delivers within short: the call should be waiting.
func blocked(t *testing.T, what string, ch <-chan error) {
	t.Helper()
	select {
	case err := <-ch:
		t.Fatalf("%s returned %v, want it still blocked", what, err)
	case <-time.After(short):
	}
}

// result waits for ch, failing t (with every goroutine's stack) if the call
// does not return within a generous bound.
func result(t *testing.T, what string, ch <-chan error) error {
	t.Helper()
	select {
	case err := <-ch:
		return err
	case <-time.After(5 * time.Second):
		t.Fatalf("%s still blocked after 5s\n%s", what, allStacks())
		return nil
	}
}

// allStacks returns the stack of every goroutine.
func allStacks() string {
	buf := make([]byte, 1<<20)
	return string(buf[:runtime.Stack(buf, true)])
}

// tasksLeft calls TaskDone until it fails and returns how many calls
// succeeded: the unfinished-task count, which it leaves at zero.
func tasksLeft(q Queue[int]) int {
	n := 0
	for q.TaskDone() == nil {
		n++
	}
	return n
}
