package adapters

import (
	"context"

	abq "github.com/adrianbrad/queue"
	"github.com/golang-design/lockfree"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

const (
	lockfreeStackName = "golang-design-lockfree-stack"
	abPriorityName    = "adrianbrad-priority"
)

func lockfreeStackLibrary() Library {
	return Library{
		Name:     lockfreeStackName,
		Packages: []string{"github.com/golang-design/lockfree"},
		Module:   "github.com/golang-design/lockfree",
		Version:  "v0.0.1",
		Type:     "unbounded lock-free stack (Treiber), lockfree.Stack",
		Notes: "checked with the LIFO model; TryPut/Put=Push; TryGet=Pop, whose nil means empty (items are boxed ints, " +
			"never nil); Get polls Pop; no length (Len unsupported), no shutdown.",
		Model: models.LIFO,
		New:   func(int) queue.Queue[int] { return NewLockfreeStack() },
	}
}

func adrianbradPriorityLibrary() Library {
	return Library{
		Name:     abPriorityName,
		Packages: []string{abModule},
		Module:   abModule,
		Version:  abVersion,
		Type:     "priority queue (RWMutex + container/heap), queue.Priority",
		Notes: "checked with the priority model, smallest first (lessFunc a < b); bounded with WithCapacity, unbounded " +
			"without; TryPut=Offer; TryGet=Get; Put and Get poll them; Len=Size; no shutdown.",
		Capacity: 8,
		Model:    models.Priority,
		New:      func(capacity int) queue.Queue[int] { return NewAdrianbradPriority(capacity) },
	}
}

// LockfreeStack adapts golang-design/lockfree's Stack, a Treiber stack
// whose Pop returns nil when empty.
type LockfreeStack struct {
	noTasks
	s *lockfree.Stack
}

// NewLockfreeStack returns an empty stack.
func NewLockfreeStack() *LockfreeStack { return &LockfreeStack{s: lockfree.NewStack()} }

// Put is Push (the stack is unbounded).
func (q *LockfreeStack) Put(_ context.Context, v int) error { return q.TryPut(v) }

// TryPut is Push.
func (q *LockfreeStack) TryPut(v int) error {
	q.s.Push(v)
	return nil
}

// Get polls Pop with a backoff until an item comes or ctx ends.
func (q *LockfreeStack) Get(ctx context.Context) (int, error) {
	return poll(ctx, queue.ErrEmpty, q.TryGet)
}

// TryGet is Pop; nil is ErrEmpty.
func (q *LockfreeStack) TryGet() (int, error) {
	v := q.s.Pop()
	if v == nil {
		return 0, queue.ErrEmpty
	}
	return asInt(lockfreeStackName, v)
}

// Len is unsupported: the stack keeps a count but does not export it.
func (q *LockfreeStack) Len() int { return -1 }

// Cap is 0: unbounded.
func (q *LockfreeStack) Cap() int { return 0 }

// AdrianbradPriority adapts adrianbrad/queue's Priority queue, smallest
// int first.
type AdrianbradPriority struct {
	noTasks
	q        *abq.Priority[int]
	capacity int
}

// NewAdrianbradPriority returns a priority queue bounded to capacity, or
// unbounded if capacity <= 0.
func NewAdrianbradPriority(capacity int) *AdrianbradPriority {
	less := func(a, b int) bool { return a < b }
	if capacity <= 0 {
		return &AdrianbradPriority{q: abq.NewPriority(nil, less)}
	}
	return &AdrianbradPriority{q: abq.NewPriority(nil, less, abq.WithCapacity(capacity)), capacity: capacity}
}

// Put polls Offer with a backoff while the queue is full.
func (q *AdrianbradPriority) Put(ctx context.Context, v int) error {
	return pollErr(ctx, queue.ErrFull, func() error { return q.TryPut(v) })
}

// TryPut is Offer.
func (q *AdrianbradPriority) TryPut(v int) error { return abErr(abPriorityName, q.q.Offer(v)) }

// Get polls Get with a backoff until an item comes or ctx ends.
func (q *AdrianbradPriority) Get(ctx context.Context) (int, error) {
	return poll(ctx, queue.ErrEmpty, q.TryGet)
}

// TryGet is Get.
func (q *AdrianbradPriority) TryGet() (int, error) {
	v, err := q.q.Get()
	return v, abErr(abPriorityName, err)
}

// Len is Size.
func (q *AdrianbradPriority) Len() int { return q.q.Size() }

// Cap is the capacity given, 0 if unbounded.
func (q *AdrianbradPriority) Cap() int { return q.capacity }
