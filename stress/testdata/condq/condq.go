// Package condq is a queue as a user writes one, for the tests of the
// controlled scheduler: a mutex, one sync.Cond, and blocking calls whose
// wait ends with their context, woken then by context.AfterFunc calling
// Broadcast. [New] is correct; [NewSilent] loses wake-ups: its puts wake
// nobody.
package condq

import (
	"context"
	"sync"

	"github.com/pcqkit/pcq/queue"
)

// Q is a FIFO queue on a sync.Cond.
type Q struct {
	mu         sync.Mutex
	cond       *sync.Cond
	items      []int
	capacity   int
	unfinished int
	shut       bool
	silent     bool // a put wakes nobody: a lost wake-up
}

// New returns a correct queue; capacity <= 0 is unbounded.
func New(capacity int) queue.Queue[int] { return newQ(capacity, false) }

// NewSilent returns a queue whose puts wake no waiting get.
func NewSilent(capacity int) queue.Queue[int] { return newQ(capacity, true) }

func newQ(capacity int, silent bool) *Q {
	q := &Q{capacity: max(capacity, 0), silent: silent}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Q) full() bool { return q.capacity > 0 && len(q.items) >= q.capacity }

// wait waits on the cond until a wake-up or the end of ctx; q.mu is held.
func (q *Q) wait(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, func() {
		q.mu.Lock()
		q.cond.Broadcast()
		q.mu.Unlock()
	})
	q.cond.Wait()
	stop()
	return nil
}

// add appends v and wakes the waiters, unless the queue is silent; q.mu is
// held.
func (q *Q) add(v int) {
	q.items = append(q.items, v)
	q.unfinished++
	if !q.silent {
		q.cond.Broadcast()
	}
}

// take removes the oldest item and wakes the waiters; q.mu is held.
func (q *Q) take() int {
	v := q.items[0]
	q.items = q.items[1:]
	q.cond.Broadcast()
	return v
}

// Put appends v, waiting while the queue is full.
func (q *Q) Put(ctx context.Context, v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		switch {
		case q.shut:
			return queue.ErrShutDown
		case !q.full():
			q.add(v)
			return nil
		}
		if err := q.wait(ctx); err != nil {
			return err
		}
	}
}

// TryPut appends v if there is room.
func (q *Q) TryPut(v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	switch {
	case q.shut:
		return queue.ErrShutDown
	case q.full():
		return queue.ErrFull
	}
	q.add(v)
	return nil
}

// Get removes the oldest item, waiting while the queue is empty.
func (q *Q) Get(ctx context.Context) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		switch {
		case len(q.items) > 0:
			return q.take(), nil
		case q.shut:
			return 0, queue.ErrShutDown
		}
		if err := q.wait(ctx); err != nil {
			return 0, err
		}
	}
}

// TryGet removes the oldest item if there is one.
func (q *Q) TryGet() (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	switch {
	case len(q.items) > 0:
		return q.take(), nil
	case q.shut:
		return 0, queue.ErrShutDown
	}
	return 0, queue.ErrEmpty
}

// TaskDone marks one item processed.
func (q *Q) TaskDone() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.unfinished <= 0 {
		return queue.ErrTaskDone
	}
	q.unfinished--
	if q.unfinished == 0 {
		q.cond.Broadcast()
	}
	return nil
}

// Join waits until every item put is processed.
func (q *Q) Join(ctx context.Context) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.unfinished > 0 {
		if err := q.wait(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Shutdown stops the queue; immediate drops the items queued.
func (q *Q) Shutdown(immediate bool) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.shut = true
	if immediate {
		q.unfinished = max(q.unfinished-len(q.items), 0)
		q.items = nil
	}
	q.cond.Broadcast()
	return nil
}

// Len returns the number of items queued.
func (q *Q) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

// Cap returns the capacity, 0 if unbounded.
func (q *Q) Cap() int { return q.capacity }
