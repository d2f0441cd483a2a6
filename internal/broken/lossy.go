package broken

import (
	"context"

	"github.com/pcqkit/pcq/queue"
)

// lossyDropEvery is how often a lossy queue drops a put's item outright.
const lossyDropEvery = 5

// NewLossy returns a queue that loses items by design, as diodes and
// overwriting rings do: it is not a bug of [All], but a queue correct only
// under the Lossy relaxation (linearizability.Lossy), which every harness
// must fail strictly and pass with that relaxation.
//
// Every fifth put (or try_put) answers ok and drops its item; a put into a
// full queue drops the oldest item to make room, so a put never blocks and
// a try_put never answers full. A dropped item adds no unfinished task.
// Otherwise it is the correct queue. Capacity <= 0 is unbounded.
func NewLossy(capacity int) queue.Queue[int] { return &lossy{base: newBase(capacity)} }

// NewLossyReorder returns [NewLossy]'s queue that also reorders: every
// third get of a queue holding two items or more takes the second one. It
// must fail every harness even under the Lossy relaxation.
func NewLossyReorder(capacity int) queue.Queue[int] {
	q := &lossy{base: newBase(capacity)}
	q.items = &swapStore{}
	return q
}

// lossy is the correct queue whose puts drop items.
type lossy struct {
	*base
	puts int
}

// Put appends v, or drops it or the oldest item; it never waits.
func (q *lossy) Put(ctx context.Context, v int) error { return q.TryPut(v) }

// TryPut appends v, or drops it or the oldest item; it never answers full.
func (q *lossy) TryPut(v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.shut {
		return queue.ErrShutDown
	}
	if q.puts++; q.puts%lossyDropEvery == 0 {
		return nil // dropped by design
	}
	if q.full() {
		q.items.pop() // the oldest item makes room
		q.unfinished--
	}
	q.put(v)
	return nil
}

// swapStore is a FIFO store whose every third pop, with two items or more,
// takes the second item.
type swapStore struct {
	fifo
	pops int
}

func (s *swapStore) pop() int {
	if s.pops++; s.pops%3 != 0 || len(s.items) < 2 {
		return s.fifo.pop()
	}
	v := s.items[1]
	s.items = append(s.items[:1], s.items[2:]...)
	return v
}

func (s *swapStore) peek() int {
	if (s.pops+1)%3 != 0 || len(s.items) < 2 {
		return s.fifo.peek()
	}
	return s.items[1]
}
