package adapters

import (
	"context"
	"errors"

	"github.com/hedzr/go-ringbuf/v2/mpmc"
	"github.com/pcqkit/pcq/queue"
)

const hedzrName = "hedzr-ringbuf-mpmc"

func hedzrLibrary() Library {
	return Library{
		Name:     hedzrName,
		Packages: []string{"github.com/hedzr/go-ringbuf/v2/mpmc"},
		Module:   "github.com/hedzr/go-ringbuf/v2",
		Version:  "v2.2.2",
		Type:     "lock-free bounded MPMC ring, mpmc.New",
		Notes: "the ring keeps one slot free: New(capacity) asks the library for capacity+1 slots (rounded up to a power of two) " +
			"and Cap reports CapReal; TryPut=Enqueue; TryGet=Dequeue; Put and Get poll them; Len=Size; no shutdown (Close is a no-op). " +
			"Known upstream: the head/tail CAS result is ignored, so a goroutine that lost the CAS uses a stale slot " +
			"(issue #9, fixed by PR #10 in January 2026, after this version; no fixed release is served by the module proxy here).",
		Capacity: 7,
		New:      func(capacity int) queue.Queue[int] { return NewHedzr(capacity) },
	}
}

// Hedzr adapts hedzr/go-ringbuf's mpmc ring buffer, a non-blocking
// lock-free ring.
type Hedzr struct {
	noTasks
	rb mpmc.RingBuffer[int]
}

// NewHedzr returns a ring with room for at least capacity items (7 if
// capacity <= 0).
func NewHedzr(capacity int) *Hedzr {
	if capacity <= 0 {
		capacity = 7
	}
	return &Hedzr{rb: mpmc.New[int](uint32(capacity + 1))}
}

func hedzrErr(err error) error {
	switch {
	case errors.Is(err, mpmc.ErrQueueFull):
		return queue.ErrFull
	case errors.Is(err, mpmc.ErrQueueEmpty):
		return queue.ErrEmpty
	}
	return wrap(hedzrName, err)
}

// Put polls Enqueue with a backoff.
func (q *Hedzr) Put(ctx context.Context, v int) error {
	return pollErr(ctx, queue.ErrFull, func() error { return q.TryPut(v) })
}

// TryPut is Enqueue.
func (q *Hedzr) TryPut(v int) error { return hedzrErr(q.rb.Enqueue(v)) }

// Get polls Dequeue with a backoff.
func (q *Hedzr) Get(ctx context.Context) (int, error) {
	return poll(ctx, queue.ErrEmpty, q.TryGet)
}

// TryGet is Dequeue. On an error other than empty (ErrRaced: "never
// happens", says the library) the item that Dequeue handed back is
// returned with the error, so that a recorder can see it.
func (q *Hedzr) TryGet() (int, error) {
	v, err := q.rb.Dequeue()
	if errors.Is(err, mpmc.ErrQueueEmpty) {
		return 0, queue.ErrEmpty
	}
	return v, hedzrErr(err)
}

// Len is Size.
func (q *Hedzr) Len() int { return int(q.rb.Size()) }

// Cap is CapReal, the usable capacity.
func (q *Hedzr) Cap() int { return int(q.rb.CapReal()) }
