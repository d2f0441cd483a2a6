package broken

import (
	"context"

	"github.com/pcqkit/pcq/queue"
)

// cancelPut is a queue whose canceled Put still enqueues its item.
//
// The bug: a Put that finds the queue full parks its item (as a Go channel
// parks a sender with its value) and the get that makes room moves the
// oldest parked item in and releases its putter. A putter whose context
// ends returns ctx.Err() but leaves its item parked: a later get moves it
// into the queue, so a Put that reported failure took effect.
//
// Caught by: property (put on a full queue with a deadline, then two gets:
// the second returns the canceled item instead of empty), stress, fuzz.
type cancelPut struct {
	*base
	parked []parked
}

type parked struct {
	v    int
	done chan error // nil: moved into the queue; ErrShutDown: shut down
}

func newCancelPut(capacity int) queue.Queue[int] {
	q := &cancelPut{base: newBase(capacity)}
	q.hooks.afterTake = func(*base) {
		if len(q.parked) > 0 && !q.full() {
			p := q.parked[0]
			q.parked = q.parked[1:]
			q.put(p.v)
			p.done <- nil
		}
	}
	return q
}

// Put appends v, parking it while the queue is full.
func (q *cancelPut) Put(ctx context.Context, v int) error {
	q.mu.Lock()
	if q.shut || !q.full() {
		defer q.mu.Unlock()
		return q.tryPut(v)
	}
	p := parked{v: v, done: make(chan error, 1)}
	q.parked = append(q.parked, p)
	q.mu.Unlock()
	select {
	case err := <-p.done:
		return err
	case <-ctx.Done():
		return ctx.Err() // BUG: p stays parked; a later get enqueues it
	}
}

// Shutdown stops the queue and fails the parked puts.
func (q *cancelPut) Shutdown(immediate bool) error {
	err := q.base.Shutdown(immediate)
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, p := range q.parked {
		p.done <- queue.ErrShutDown
	}
	q.parked = nil
	return err
}
