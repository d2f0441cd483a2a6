package broken

import (
	"runtime"

	"github.com/pcqkit/pcq/queue"
)

// newGetTwice returns a queue that delivers an item twice (and loses
// another) when two getters overlap.
//
// The bug: a get copies the head item out under the lock, releases the lock
// (in the original, to copy a large item without blocking putters), and
// advances the head in a second critical section. Two getters that overlap
// copy the same head item; both then advance the head, so the item behind
// it is never delivered. No data race: every access holds the mutex.
//
// Caught by: stress and fuzz (duplicate and lost values in the recorded
// history), the property protocol tests when consumers overlap.
func newGetTwice(capacity int) queue.Queue[int] {
	q := newBase(capacity)
	q.hooks.take = func(q *base) int {
		v := q.items.peek()
		q.mu.Unlock()     // BUG: the head is read in one critical section...
		runtime.Gosched() // (the copy of a large item, done outside the lock)
		q.mu.Lock()
		if q.items.len() > 0 {
			q.items.pop() // ...and advanced in another: it may be another item by now
		}
		return v
	}
	return q
}
