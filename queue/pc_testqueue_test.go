package queue

import (
	"context"
	"sync"
)

// sliceQueue is a deliberately simple Queue for testing the producer and
// consumer helpers independently of the real implementations: one mutex, a
// slice, and a channel closed and replaced on every change of state (every
// waiter wakes and re-checks). FIFO, or LIFO when lifo is set.
type sliceQueue[T any] struct {
	mu         sync.Mutex
	items      []T
	capacity   int
	lifo       bool
	unfinished int
	shut       bool
	changed    chan struct{}
}

var _ Queue[int] = (*sliceQueue[int])(nil)

func newSliceQueue[T any](capacity int) *sliceQueue[T] {
	return &sliceQueue[T]{capacity: max(capacity, 0), changed: make(chan struct{})}
}

// wake must be called with mu held after a change of state.
func (q *sliceQueue[T]) wake() {
	close(q.changed)
	q.changed = make(chan struct{})
}

// wait runs try under mu until it reports done, waiting for a change of
// state in between; it gives up with ctx.Err() when ctx ends first.
func (q *sliceQueue[T]) wait(ctx context.Context, try func() bool) error {
	q.mu.Lock()
	for !try() {
		ch := q.changed
		q.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
		q.mu.Lock()
	}
	q.mu.Unlock()
	return nil
}

func (q *sliceQueue[T]) tryPut(v T) error {
	if q.shut {
		return ErrShutDown
	}
	if q.capacity > 0 && len(q.items) >= q.capacity {
		return ErrFull
	}
	q.items = append(q.items, v)
	q.unfinished++
	q.wake()
	return nil
}

func (q *sliceQueue[T]) tryGet() (T, error) {
	var zero T
	if len(q.items) == 0 {
		if q.shut {
			return zero, ErrShutDown
		}
		return zero, ErrEmpty
	}
	i := 0
	if q.lifo {
		i = len(q.items) - 1
	}
	v := q.items[i]
	q.items = append(q.items[:i], q.items[i+1:]...)
	q.wake()
	return v, nil
}

func (q *sliceQueue[T]) Put(ctx context.Context, v T) error {
	var err error
	werr := q.wait(ctx, func() bool { err = q.tryPut(v); return err != ErrFull })
	if werr != nil {
		return werr
	}
	return err
}

func (q *sliceQueue[T]) TryPut(v T) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.tryPut(v)
}

func (q *sliceQueue[T]) Get(ctx context.Context) (T, error) {
	var v T
	var err error
	werr := q.wait(ctx, func() bool { v, err = q.tryGet(); return err != ErrEmpty })
	if werr != nil {
		var zero T
		return zero, werr
	}
	return v, err
}

func (q *sliceQueue[T]) TryGet() (T, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.tryGet()
}

func (q *sliceQueue[T]) TaskDone() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.unfinished == 0 {
		return ErrTaskDone
	}
	q.unfinished--
	q.wake()
	return nil
}

func (q *sliceQueue[T]) Join(ctx context.Context) error {
	return q.wait(ctx, func() bool { return q.unfinished == 0 })
}

func (q *sliceQueue[T]) Shutdown(immediate bool) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.shut = true
	if immediate {
		q.unfinished = max(q.unfinished-len(q.items), 0)
		q.items = nil
	}
	q.wake()
	return nil
}

func (q *sliceQueue[T]) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

func (q *sliceQueue[T]) Cap() int { return q.capacity }

// unfinishedTasks reports the unfinished-task count, for assertions.
func (q *sliceQueue[T]) unfinishedTasks() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.unfinished
}

// isShut reports whether the queue was shut down, for assertions.
func (q *sliceQueue[T]) isShut() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.shut
}
