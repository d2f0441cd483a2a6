// Package tryonly holds queues that lack operations, for the tests of the
// harnesses' "not exercised" reporting: [New] is a correct bounded FIFO
// adapted as the README's ringAdapter (only TryPut and TryGet; everything
// else returns errors.ErrUnsupported, Len -1), [NewNewestFirst] the same
// adapter over a ring that hands out the newest item (not FIFO: caught),
// and [NewWithoutPut] the condq queue without Put.
package tryonly

import (
	"context"
	"errors"
	"sync"

	"github.com/pcqkit/pcq/queue"
	"github.com/pcqkit/pcq/stress/testdata/condq"
)

// ring is a mutex-guarded bounded buffer with only non-blocking calls, as
// a third-party library has it.
type ring struct {
	mu          sync.Mutex
	items       []int
	capacity    int
	newestFirst bool // TryDequeue takes the newest item: not FIFO
}

// TryEnqueue appends v if there is room.
func (r *ring) TryEnqueue(v int) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.items) >= r.capacity {
		return false
	}
	r.items = append(r.items, v)
	return true
}

// TryDequeue removes the oldest item (the newest if newestFirst), if any.
func (r *ring) TryDequeue() (int, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.items) == 0 {
		return 0, false
	}
	i := 0
	if r.newestFirst {
		i = len(r.items) - 1
	}
	v := r.items[i]
	r.items = append(r.items[:i], r.items[i+1:]...)
	return v, true
}

// Adapter is the README's ringAdapter: a queue.Queue over the ring.
type Adapter struct{ r *ring }

// New returns a correct try-only queue of the given capacity (at least 1).
func New(capacity int) queue.Queue[int] {
	return Adapter{&ring{capacity: max(capacity, 1)}}
}

// NewNewestFirst returns a try-only queue whose TryGet takes the newest
// item.
func NewNewestFirst(capacity int) queue.Queue[int] {
	return Adapter{&ring{capacity: max(capacity, 1), newestFirst: true}}
}

// TryPut appends v, or answers ErrFull.
func (a Adapter) TryPut(v int) error {
	if a.r.TryEnqueue(v) {
		return nil
	}
	return queue.ErrFull
}

// TryGet takes an item, or answers ErrEmpty.
func (a Adapter) TryGet() (int, error) {
	if v, ok := a.r.TryDequeue(); ok {
		return v, nil
	}
	return 0, queue.ErrEmpty
}

// Put is unsupported.
func (a Adapter) Put(context.Context, int) error { return errors.ErrUnsupported }

// Get is unsupported.
func (a Adapter) Get(context.Context) (int, error) { return 0, errors.ErrUnsupported }

// TaskDone is unsupported.
func (a Adapter) TaskDone() error { return errors.ErrUnsupported }

// Join is unsupported.
func (a Adapter) Join(context.Context) error { return errors.ErrUnsupported }

// Shutdown is unsupported.
func (a Adapter) Shutdown(bool) error { return errors.ErrUnsupported }

// Len is unknown: -1.
func (a Adapter) Len() int { return -1 }

// Cap returns the capacity.
func (a Adapter) Cap() int { return a.r.capacity }

// withoutPut is a queue whose Put is unsupported.
type withoutPut struct{ queue.Queue[int] }

// NewWithoutPut returns condq's correct queue (capacity at least 1) with
// Put unsupported: it has a blocking Get, but only TryPut to put.
func NewWithoutPut(capacity int) queue.Queue[int] {
	return withoutPut{condq.New(max(capacity, 1))}
}

// Put is unsupported.
func (withoutPut) Put(context.Context, int) error { return errors.ErrUnsupported }
