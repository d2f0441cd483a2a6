package history

import (
	"context"
	"sync"
	"time"

	"github.com/pcqkit/pcq/queue"
)

// sliceQueue is a small, correct, slow FIFO queue for the recorder's tests:
// one mutex, blocking by polling.
type sliceQueue struct {
	mu         sync.Mutex
	items      []int
	capacity   int
	unfinished int
	shut       bool
}

var _ queue.Queue[int] = (*sliceQueue)(nil)

func newSliceQueue(capacity int) *sliceQueue { return &sliceQueue{capacity: capacity} }

func (q *sliceQueue) TryPut(v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	switch {
	case q.shut:
		return queue.ErrShutDown
	case q.capacity > 0 && len(q.items) >= q.capacity:
		return queue.ErrFull
	}
	q.items = append(q.items, v)
	q.unfinished++
	return nil
}

func (q *sliceQueue) TryGet() (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	switch {
	case len(q.items) > 0:
		v := q.items[0]
		q.items = q.items[1:]
		return v, nil
	case q.shut:
		return 0, queue.ErrShutDown
	}
	return 0, queue.ErrEmpty
}

// sliceQueuePoll retries try until it succeeds, fails for good, or ctx ends.
func sliceQueuePoll(ctx context.Context, again error, try func() error) error {
	for {
		if err := try(); err != again {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Microsecond):
		}
	}
}

func (q *sliceQueue) Put(ctx context.Context, v int) error {
	return sliceQueuePoll(ctx, queue.ErrFull, func() error { return q.TryPut(v) })
}

func (q *sliceQueue) Get(ctx context.Context) (v int, err error) {
	err = sliceQueuePoll(ctx, queue.ErrEmpty, func() (err error) { v, err = q.TryGet(); return err })
	return v, err
}

func (q *sliceQueue) TaskDone() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.unfinished == 0 {
		return queue.ErrTaskDone
	}
	q.unfinished--
	return nil
}

func (q *sliceQueue) Join(ctx context.Context) error {
	return sliceQueuePoll(ctx, queue.ErrFull, func() error {
		q.mu.Lock()
		defer q.mu.Unlock()
		if q.unfinished > 0 {
			return queue.ErrFull
		}
		return nil
	})
}

func (q *sliceQueue) Shutdown(immediate bool) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.shut = true
	if immediate {
		q.unfinished = max(0, q.unfinished-len(q.items))
		q.items = nil
	}
	return nil
}

func (q *sliceQueue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

func (q *sliceQueue) Cap() int { return q.capacity }

// stubQueue answers every operation with err (and Get with v); Len answers n.
type stubQueue struct {
	err error
	v   int
	n   int
}

func (q *stubQueue) Put(context.Context, int) error   { return q.err }
func (q *stubQueue) TryPut(int) error                 { return q.err }
func (q *stubQueue) Get(context.Context) (int, error) { return q.v, q.err }
func (q *stubQueue) TryGet() (int, error)             { return q.v, q.err }
func (q *stubQueue) TaskDone() error                  { return q.err }
func (q *stubQueue) Join(context.Context) error       { return q.err }
func (q *stubQueue) Shutdown(bool) error              { return q.err }
func (q *stubQueue) Len() int                         { return q.n }
func (q *stubQueue) Cap() int                         { return 3 }
