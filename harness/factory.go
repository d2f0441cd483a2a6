package harness

import (
	"fmt"
	"reflect"

	"github.com/pcqkit/pcq/queue"
)

// Factory makes the queue a harness checks, of the capacity it is asked
// for; 0 asks for an unbounded queue. A factory may panic on a capacity
// its queue cannot have (a bounded-only queue asked for 0), and may make
// a queue of another capacity (an adapter that rounds up to a power of
// two): the harnesses hold a queue to the capacity its Cap() reports.
type Factory func(capacity int) queue.Queue[int]

// New calls f(capacity), turning a panic or a nil queue into an error that
// names the capacity. Every harness makes its queues through it, so that a
// factory that refuses a capacity is reported, not a crash.
func (f Factory) New(capacity int) (q queue.Queue[int], err error) {
	defer func() {
		if p := recover(); p != nil {
			q, err = nil, fmt.Errorf("newQueue(%d) panicked: %v", capacity, p)
		}
	}()
	if q = f(capacity); q == nil {
		return nil, fmt.Errorf("newQueue(%d) returned nil", capacity)
	}
	return q, nil
}

// Package returns the import path of the package that defines the type of
// the queues f makes (of capacity, or of the first one f accepts: 1, 0),
// or "" if f makes none or the type is unnamed or in package main: the
// package whose synchronisation a controlled scheduler must instrument.
func (f Factory) Package(capacity int) string {
	for _, c := range []int{capacity, 1, 0} {
		q, err := f.New(c)
		if err != nil {
			continue
		}
		_ = q.Shutdown(true)
		t := reflect.TypeOf(q)
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if p := t.PkgPath(); p != "main" {
			return p
		}
		return ""
	}
	return ""
}
