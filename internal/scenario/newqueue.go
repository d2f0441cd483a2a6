package scenario

import (
	"fmt"

	"github.com/pcqkit/pcq/queue"
)

// NewQueue calls newQueue(capacity), turning a panic or a nil queue into an
// error that names the capacity. Every harness makes its queues through it,
// so that a factory that refuses a capacity (a bounded-only queue asked for
// unbounded) is reported, not a crash.
//
// A queue may have another capacity than the one asked for (an adapter
// that rounds up to a power of two, an unbounded-only queue): the harnesses
// hold it to the capacity its Cap() reports.
func NewQueue(newQueue func(capacity int) queue.Queue[int], capacity int) (q queue.Queue[int], err error) {
	defer func() {
		if p := recover(); p != nil {
			q, err = nil, fmt.Errorf("newQueue(%d) panicked: %v", capacity, p)
		}
	}()
	if q = newQueue(capacity); q == nil {
		return nil, fmt.Errorf("newQueue(%d) returned nil", capacity)
	}
	return q, nil
}
