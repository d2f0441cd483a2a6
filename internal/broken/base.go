// Package broken holds deliberately broken queues. Each is the correct
// queue of this package ([NewCorrect]) with one realistic bug, and says in
// its doc comment which harness should catch it. They exist to prove that
// the harnesses (property, stress, fuzz) fail when they must; never use them
// for anything else.
package broken

import (
	"context"
	"sync"

	"github.com/pcqkit/pcq/queue"
)

// base is a correct queue.Queue[int]: Python 3.13's queue.Queue, one mutex
// and three conditions. A broken queue embeds it and changes one thing,
// either by overriding one method or through a hook.
type base struct {
	mu         sync.Mutex
	items      store
	capacity   int // 0: unbounded
	unfinished int
	shut       bool
	notEmpty   cond // getters wait here
	notFull    cond // putters wait here
	allDone    cond // joiners wait here
	hooks      hooks
}

// hooks let a broken queue change one internal step; nil means correct.
// Each is called with mu held.
type hooks struct {
	// wakeGetter runs after a put added an item to a queue that held
	// before items; correct: wake one getter.
	wakeGetter func(q *base, before int)
	// take removes and returns the next item; correct: q.items.pop().
	take func(q *base) int
	// afterTake runs after a get made room; correct: wake one putter.
	afterTake func(q *base)
	// full reports whether a put must wait or fail; correct: the
	// capacity is reached.
	full func(q *base) bool
}

// NewCorrect returns the correct queue that every broken queue of this
// package modifies, as a control: a harness that fails on it is wrong.
// Capacity <= 0 means unbounded.
func NewCorrect(capacity int) queue.Queue[int] { return newBase(capacity) }

func newBase(capacity int) *base {
	return &base{items: &fifo{}, capacity: max(capacity, 0)}
}

func (q *base) full() bool {
	if q.hooks.full != nil {
		return q.hooks.full(q)
	}
	return q.capacity > 0 && q.items.len() >= q.capacity
}

// put appends v and wakes a getter.
func (q *base) put(v int) {
	before := q.items.len()
	q.items.push(v)
	q.unfinished++
	if q.hooks.wakeGetter != nil {
		q.hooks.wakeGetter(q, before)
		return
	}
	q.notEmpty.signal()
}

// get removes the next item and wakes a putter.
func (q *base) get() int {
	var v int
	if q.hooks.take != nil {
		v = q.hooks.take(q)
	} else {
		v = q.items.pop()
	}
	if q.hooks.afterTake != nil {
		q.hooks.afterTake(q)
	} else {
		q.notFull.signal()
	}
	return v
}

// drain discards every item, lowering the unfinished count (never below
// zero), as Shutdown(true) does.
func (q *base) drain() {
	for q.items.len() > 0 {
		q.items.pop()
		if q.unfinished > 0 {
			q.unfinished--
		}
	}
	q.allDone.broadcast()
}

// Put appends v, waiting while the queue is full.
func (q *base) Put(ctx context.Context, v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	for !q.shut && q.full() {
		if err := q.notFull.wait(ctx, &q.mu); err != nil {
			return err
		}
	}
	if q.shut {
		return queue.ErrShutDown
	}
	q.put(v)
	return nil
}

// TryPut appends v if there is room.
func (q *base) TryPut(v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.tryPut(v)
}

// tryPut is TryPut with mu held.
func (q *base) tryPut(v int) error {
	if q.shut {
		return queue.ErrShutDown
	}
	if q.full() {
		return queue.ErrFull
	}
	q.put(v)
	return nil
}

// Get removes the next item, waiting while the queue is empty.
func (q *base) Get(ctx context.Context) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for !q.shut && q.items.len() == 0 {
		if err := q.notEmpty.wait(ctx, &q.mu); err != nil {
			return 0, err
		}
	}
	if q.items.len() == 0 {
		return 0, queue.ErrShutDown
	}
	return q.get(), nil
}

// TryGet removes the next item if there is one.
func (q *base) TryGet() (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.tryGet()
}

// tryGet is TryGet with mu held.
func (q *base) tryGet() (int, error) {
	if q.items.len() == 0 {
		if q.shut {
			return 0, queue.ErrShutDown
		}
		return 0, queue.ErrEmpty
	}
	return q.get(), nil
}

// TaskDone marks one item as processed.
func (q *base) TaskDone() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.unfinished <= 0 {
		return queue.ErrTaskDone
	}
	q.unfinished--
	if q.unfinished == 0 {
		q.allDone.broadcast()
	}
	return nil
}

// Join waits until every item put has been marked done.
func (q *base) Join(ctx context.Context) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.unfinished > 0 {
		if err := q.allDone.wait(ctx, &q.mu); err != nil {
			return err
		}
	}
	return nil
}

// Shutdown stops the queue; immediate also discards the queued items.
func (q *base) Shutdown(immediate bool) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.shut = true
	if immediate {
		q.drain()
	}
	q.notEmpty.broadcast()
	q.notFull.broadcast()
	return nil
}

// Len returns the number of queued items.
func (q *base) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.items.len()
}

// Cap returns the capacity, 0 for unbounded.
func (q *base) Cap() int { return q.capacity }
