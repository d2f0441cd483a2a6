package broken

import (
	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// OrderBug is a deliberately broken LIFO or priority queue: the harnesses
// must catch it when they run with its model.
type OrderBug struct {
	Bug
	// Kind is the model the harnesses run with: models.LIFO or
	// models.Priority.
	Kind models.Kind
}

// Ordered returns every broken LIFO and priority queue, in a fixed order.
func Ordered() []OrderBug {
	return []OrderBug{
		{Bug{"stack-shrink-reverse", "a stack halves its array when half full and copies the items reversed: the oldest comes out next",
			newStackShrink, all}, models.LIFO},
		{Bug{"heap-siftup-root", "a priority queue's sift-up stops below the root: a new smallest item stays under a bigger one, which comes out first",
			newHeapSiftUp, all}, models.Priority},
	}
}

// NewCorrectLIFO returns the correct LIFO queue that the broken LIFO
// queues modify, as a control. Capacity <= 0 means unbounded.
func NewCorrectLIFO(capacity int) queue.Queue[int] {
	q := newBase(capacity)
	q.items = &stack{}
	return q
}

// NewCorrectPriority returns the correct priority queue (smallest first,
// equal items in insertion order) that the broken priority queues modify,
// as a control. Capacity <= 0 means unbounded.
func NewCorrectPriority(capacity int) queue.Queue[int] {
	q := newBase(capacity)
	q.items = newMinHeap()
	return q
}

// CorrectFor returns the control queue of a model: NewCorrect for FIFO,
// NewCorrectLIFO, NewCorrectPriority.
func CorrectFor(kind models.Kind) harness.Factory {
	switch kind {
	case models.LIFO:
		return NewCorrectLIFO
	case models.Priority:
		return NewCorrectPriority
	}
	return NewCorrect
}

// Every returns every broken queue of [All] (with the FIFO model) and of
// [Ordered], with the model the harnesses run it with.
func Every() []OrderBug {
	var out []OrderBug
	for _, b := range All() {
		out = append(out, OrderBug{b, models.FIFO})
	}
	return append(out, Ordered()...)
}
