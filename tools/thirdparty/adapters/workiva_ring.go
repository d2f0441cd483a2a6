package adapters

import (
	"context"
	"errors"
	"time"

	wq "github.com/Workiva/go-datastructures/queue"
	"github.com/pcqkit/pcq/queue"
)

const workivaRingName = "workiva-ring"

// workivaPollSlice bounds each timed Poll, so that a Get whose context is
// canceled (not only timed out) gives up within about this long.
const workivaPollSlice = 2 * time.Millisecond

func workivaRingLibrary() Library {
	return Library{
		Name:     workivaRingName,
		Packages: []string{"github.com/Workiva/go-datastructures/queue"},
		Module:   "github.com/Workiva/go-datastructures",
		Version:  "v1.1.7",
		Type:     "lock-free bounded MPMC ring (Vyukov), queue.RingBuffer",
		Notes: "capacity rounded up to a power of two; TryPut=Offer; TryGet unsupported (no non-blocking get, a timed Poll is not one); " +
			"Put=Put when ctx cannot end, else Offer polled; Get=Get when ctx cannot end, else Poll(2ms) in a loop; " +
			"Shutdown(immediate)=Dispose, Shutdown(false) unsupported; Len = queue-dequeue, read non-atomically. " +
			"Known upstream: Offer returns false on a ring that has room when producers contend (issue #213, open).",
		Capacity: 8,
		New:      func(capacity int) queue.Queue[int] { return NewWorkivaRing(capacity) },
	}
}

// WorkivaRing adapts go-datastructures' RingBuffer, a bounded lock-free
// MPMC ring. TryGet is unsupported: the library's only non-blocking-ish
// get is Poll with a timeout, whose failures depend on timing.
type WorkivaRing struct {
	noTasks
	rb *wq.RingBuffer
}

// NewWorkivaRing returns a ring of at least capacity slots (8 if
// capacity <= 0), rounded up to a power of two by the library.
func NewWorkivaRing(capacity int) *WorkivaRing {
	if capacity <= 0 {
		capacity = 8
	}
	return &WorkivaRing{rb: wq.NewRingBuffer(uint64(capacity))}
}

func workivaErr(err error) error {
	if errors.Is(err, wq.ErrDisposed) {
		return queue.ErrShutDown
	}
	return wrap(workivaRingName, err)
}

// Put appends v: the library's blocking Put when ctx cannot end, else
// Offer polled with a backoff.
func (q *WorkivaRing) Put(ctx context.Context, v int) error {
	if cannotCancel(ctx) {
		return workivaErr(q.rb.Put(v))
	}
	return pollErr(ctx, queue.ErrFull, func() error { return q.TryPut(v) })
}

// TryPut is Offer: false is ErrFull.
func (q *WorkivaRing) TryPut(v int) error {
	ok, err := q.rb.Offer(v)
	if err != nil {
		return workivaErr(err)
	}
	if !ok {
		return queue.ErrFull
	}
	return nil
}

// Get removes the next item: the library's blocking Get when ctx cannot
// end, else Poll with a short timeout, repeated until ctx ends.
func (q *WorkivaRing) Get(ctx context.Context) (int, error) {
	if cannotCancel(ctx) {
		v, err := q.rb.Get()
		if err != nil {
			return 0, workivaErr(err)
		}
		return asInt(workivaRingName, v)
	}
	for {
		v, err := q.rb.Poll(workivaPollSlice)
		switch {
		case err == nil:
			return asInt(workivaRingName, v)
		case !errors.Is(err, wq.ErrTimeout):
			return 0, workivaErr(err)
		case ctx.Err() != nil:
			return 0, ctx.Err()
		}
	}
}

// TryGet is unsupported: the library has no non-blocking get.
func (q *WorkivaRing) TryGet() (int, error) { return 0, errors.ErrUnsupported }

// Shutdown(true) is Dispose: puts and gets fail from then on, queued items
// are unreachable. A shutdown that keeps items gettable does not exist.
func (q *WorkivaRing) Shutdown(immediate bool) error {
	if !immediate {
		return errors.ErrUnsupported
	}
	q.rb.Dispose()
	return nil
}

// Len is the library's Len, clamped (see clampLen).
func (q *WorkivaRing) Len() int { return clampLen(q.rb.Len()) }

// Cap is the ring's real capacity.
func (q *WorkivaRing) Cap() int { return int(q.rb.Cap()) }
