package adapters

import (
	"context"

	"github.com/pcqkit/pcq/queue"
)

// chanDefaultCap is the capacity of a channel asked to be unbounded, which
// a channel cannot be.
const chanDefaultCap = 8

func chanLibrary() Library {
	return Library{
		Name:     "chan",
		Module:   "std",
		Version:  "go1.26",
		Type:     "buffered channel (reference)",
		Notes:    "select with default for TryPut/TryGet, select on ctx.Done for Put/Get; no shutdown (close would make Put panic)",
		Capacity: chanDefaultCap,
		New:      func(capacity int) queue.Queue[int] { return NewChan(capacity) },
	}
}

// Chan adapts Go's buffered channel, the reference every other queue is
// compared with. Put and Get are a select on the channel and ctx.Done(),
// after a non-blocking try. Shutdown is unsupported: closing a channel
// makes senders panic, which is not Python's shutdown.
type Chan struct {
	noTasks
	c chan int
}

// NewChan returns a channel of the given capacity (8 if capacity <= 0,
// since a channel cannot be unbounded).
func NewChan(capacity int) *Chan {
	if capacity <= 0 {
		capacity = chanDefaultCap
	}
	return &Chan{c: make(chan int, capacity)}
}

// Put sends v, waiting while the channel is full.
func (q *Chan) Put(ctx context.Context, v int) error {
	if q.TryPut(v) == nil {
		return nil
	}
	select {
	case q.c <- v:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// TryPut sends v if the channel has room.
func (q *Chan) TryPut(v int) error {
	select {
	case q.c <- v:
		return nil
	default:
		return queue.ErrFull
	}
}

// Get receives the next item, waiting while the channel is empty.
func (q *Chan) Get(ctx context.Context) (int, error) {
	if v, err := q.TryGet(); err == nil {
		return v, nil
	}
	select {
	case v := <-q.c:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// TryGet receives the next item if there is one.
func (q *Chan) TryGet() (int, error) {
	select {
	case v := <-q.c:
		return v, nil
	default:
		return 0, queue.ErrEmpty
	}
}

// Len returns len of the channel.
func (q *Chan) Len() int { return len(q.c) }

// Cap returns cap of the channel.
func (q *Chan) Cap() int { return cap(q.c) }
