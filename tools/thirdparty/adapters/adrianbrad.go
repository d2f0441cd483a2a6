package adapters

import (
	"context"
	"errors"

	abq "github.com/adrianbrad/queue"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/queue"
)

const (
	abBlockingName = "adrianbrad-blocking"
	abCircularName = "adrianbrad-circular"
	abModule       = "github.com/adrianbrad/queue"
	abVersion      = "v1.4.0"
)

func adrianbradBlockingLibrary() Library {
	return Library{
		Name:     abBlockingName,
		Packages: []string{abModule},
		Module:   abModule,
		Version:  abVersion,
		Type:     "blocking FIFO queue (RWMutex + two sync.Cond), queue.Blocking",
		Notes: "bounded with WithCapacity, unbounded without; TryPut=Offer; TryGet=Get; Put=OfferWait and Get=GetWait " +
			"(uncancellable) when ctx cannot end, else Offer/Get polled; Len=Size; no shutdown.",
		Capacity: 8,
		New:      func(capacity int) queue.Queue[int] { return NewAdrianbradBlocking(capacity) },
	}
}

func adrianbradCircularLibrary() Library {
	return Library{
		Name:     abCircularName,
		Packages: []string{abModule},
		Module:   abModule,
		Version:  abVersion,
		Type:     "overwriting circular queue (RWMutex), queue.Circular",
		Notes: "documented to overwrite the oldest element when full; TryPut/Put=Offer (never fails); TryGet=Get; Get polls it; " +
			"Len=Size; no shutdown.",
		Capacity:    8,
		New:         func(capacity int) queue.Queue[int] { return NewAdrianbradCircular(capacity) },
		Relaxations: []linearizability.Relaxation{linearizability.Lossy},
	}
}

func abErr(name string, err error) error {
	switch {
	case errors.Is(err, abq.ErrQueueIsFull):
		return queue.ErrFull
	case errors.Is(err, abq.ErrNoElementsAvailable):
		return queue.ErrEmpty
	}
	return wrap(name, err)
}

// AdrianbradBlocking adapts adrianbrad/queue's Blocking queue. Its
// OfferWait and GetWait wait on a sync.Cond and cannot be canceled, so
// they are used only for a context that can never end.
type AdrianbradBlocking struct {
	noTasks
	q        *abq.Blocking[int]
	capacity int
}

// NewAdrianbradBlocking returns a queue bounded to capacity, or unbounded
// if capacity <= 0.
func NewAdrianbradBlocking(capacity int) *AdrianbradBlocking {
	if capacity <= 0 {
		return &AdrianbradBlocking{q: abq.NewBlocking[int](nil)}
	}
	return &AdrianbradBlocking{q: abq.NewBlocking[int](nil, abq.WithCapacity(capacity)), capacity: capacity}
}

// Put is OfferWait when ctx cannot end, else Offer polled with a backoff.
func (q *AdrianbradBlocking) Put(ctx context.Context, v int) error {
	if cannotCancel(ctx) {
		q.q.OfferWait(v)
		return nil
	}
	return pollErr(ctx, queue.ErrFull, func() error { return q.TryPut(v) })
}

// TryPut is Offer.
func (q *AdrianbradBlocking) TryPut(v int) error { return abErr(abBlockingName, q.q.Offer(v)) }

// Get is GetWait when ctx cannot end, else Get polled with a backoff.
func (q *AdrianbradBlocking) Get(ctx context.Context) (int, error) {
	if cannotCancel(ctx) {
		return q.q.GetWait(), nil
	}
	return poll(ctx, queue.ErrEmpty, q.TryGet)
}

// TryGet is Get.
func (q *AdrianbradBlocking) TryGet() (int, error) {
	v, err := q.q.Get()
	return v, abErr(abBlockingName, err)
}

// Len is Size.
func (q *AdrianbradBlocking) Len() int { return q.q.Size() }

// Cap is the capacity given, 0 if unbounded.
func (q *AdrianbradBlocking) Cap() int { return q.capacity }

// AdrianbradCircular adapts adrianbrad/queue's Circular queue, which
// overwrites when full (a lossy queue).
type AdrianbradCircular struct {
	noTasks
	q        *abq.Circular[int]
	capacity int
}

// NewAdrianbradCircular returns a circular queue of capacity (8 if <= 0).
func NewAdrianbradCircular(capacity int) *AdrianbradCircular {
	if capacity <= 0 {
		capacity = 8
	}
	return &AdrianbradCircular{q: abq.NewCircular[int](nil, capacity), capacity: capacity}
}

// Put is Offer: it never waits.
func (q *AdrianbradCircular) Put(_ context.Context, v int) error { return q.TryPut(v) }

// TryPut is Offer.
func (q *AdrianbradCircular) TryPut(v int) error { return abErr(abCircularName, q.q.Offer(v)) }

// Get polls Get with a backoff.
func (q *AdrianbradCircular) Get(ctx context.Context) (int, error) {
	return poll(ctx, queue.ErrEmpty, q.TryGet)
}

// TryGet is Get.
func (q *AdrianbradCircular) TryGet() (int, error) {
	v, err := q.q.Get()
	return v, abErr(abCircularName, err)
}

// Len is Size.
func (q *AdrianbradCircular) Len() int { return q.q.Size() }

// Cap is the capacity given.
func (q *AdrianbradCircular) Cap() int { return q.capacity }
