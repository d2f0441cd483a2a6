package adapters

import (
	"context"

	"github.com/golang-design/lockfree"
	"github.com/pcqkit/pcq/queue"
)

const lockfreeName = "golang-design-lockfree"

func lockfreeLibrary() Library {
	return Library{
		Name:     lockfreeName,
		Packages: []string{"github.com/golang-design/lockfree"},
		Module:   "github.com/golang-design/lockfree",
		Version:  "v0.0.1",
		Type:     "unbounded lock-free linked queue (Michael-Scott), lockfree.Queue",
		Notes: "TryPut/Put=Enqueue; TryGet=Dequeue, whose nil means empty (items are boxed ints, never nil); Get polls Dequeue; " +
			"Len=Length, a counter updated after the link/unlink and so not linearizable (it can wrap below zero: clamped to MaxInt).",
		New: func(int) queue.Queue[int] { return NewLockfree() },
	}
}

// Lockfree adapts golang-design/lockfree's Queue, a Michael-Scott queue
// whose Dequeue returns nil when empty.
type Lockfree struct {
	noTasks
	q *lockfree.Queue
}

// NewLockfree returns an empty queue.
func NewLockfree() *Lockfree { return &Lockfree{q: lockfree.NewQueue()} }

// Put is Enqueue (the queue is unbounded).
func (q *Lockfree) Put(_ context.Context, v int) error { return q.TryPut(v) }

// TryPut is Enqueue.
func (q *Lockfree) TryPut(v int) error {
	q.q.Enqueue(v)
	return nil
}

// Get polls Dequeue with a backoff until an item comes or ctx ends.
func (q *Lockfree) Get(ctx context.Context) (int, error) {
	return poll(ctx, queue.ErrEmpty, q.TryGet)
}

// TryGet is Dequeue; nil is ErrEmpty.
func (q *Lockfree) TryGet() (int, error) {
	v := q.q.Dequeue()
	if v == nil {
		return 0, queue.ErrEmpty
	}
	return asInt(lockfreeName, v)
}

// Len is Length, clamped (see clampLen).
func (q *Lockfree) Len() int { return clampLen(q.q.Length()) }

// Cap is 0: unbounded.
func (q *Lockfree) Cap() int { return 0 }
