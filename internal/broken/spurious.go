package broken

import (
	"github.com/pcqkit/pcq/queue"
)

// spuriousEvery is how often a spurious queue fails a try-operation even
// without contention.
const spuriousEvery = 4

// NewSpurious returns a queue whose try-operations fail spuriously, as many
// lock-free rings do: it is not a bug of [All], but a queue correct only
// under the SpuriousTryFailures relaxation
// (linearizability.SpuriousTryFailures), which every harness must fail
// strictly and pass with that relaxation.
//
// TryPut answers full and TryGet answers empty, with no effect, when the
// lock is held by another goroutine and on every fourth try-operation.
// Otherwise it is the correct queue. Capacity <= 0 is unbounded.
func NewSpurious(capacity int) queue.Queue[int] { return &spurious{base: newBase(capacity)} }

// spurious is the correct queue whose try-operations fail spuriously.
type spurious struct {
	*base
	tries int // guarded by mu
}

// lockOrFail takes the lock, or answers that the try-operation fails.
func (q *spurious) lockOrFail() bool {
	if !q.mu.TryLock() {
		return false // contended: a lock-free ring would fail here
	}
	if q.tries++; q.tries%spuriousEvery == 0 {
		q.mu.Unlock()
		return false
	}
	return true
}

// TryPut appends v if there is room, and sometimes answers full anyway.
func (q *spurious) TryPut(v int) error {
	if !q.lockOrFail() {
		return queue.ErrFull
	}
	defer q.mu.Unlock()
	return q.tryPut(v)
}

// TryGet removes the next item if there is one, and sometimes answers
// empty anyway.
func (q *spurious) TryGet() (int, error) {
	if !q.lockOrFail() {
		return 0, queue.ErrEmpty
	}
	defer q.mu.Unlock()
	return q.tryGet()
}
