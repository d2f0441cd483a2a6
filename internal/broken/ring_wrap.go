package broken

import "github.com/pcqkit/pcq/queue"

// newWrapRing returns a bounded queue whose ring buffer loses items after
// 65536 puts.
//
// The bug: the ring keeps its head and tail as 16-bit counters that run
// on for ever, and takes them modulo the buffer's length to find a slot.
// That is right while the length divides 65536 (a power of two); for any
// other capacity, when the tail wraps from 65535 to 0 its slot jumps back
// (65535 % 3 is 0, and so is 0 % 3): the next put overwrites a queued
// item, and a get hands out the newer one twice.
//
// Bounded only: it panics on capacity < 1, like the kit's Ring.
//
// Caught by: stress, in its long-lived rounds at a capacity that is not a
// power of two (the first long-lived round of a run with the default
// capacities is one).
func newWrapRing(capacity int) queue.Queue[int] {
	if capacity < 1 {
		panic("broken: the wrapping ring is bounded: capacity must be at least 1")
	}
	q := newBase(capacity)
	q.items = &wrapRing{buf: make([]int, capacity)}
	return q
}

// wrapRing is a ring buffer indexed by free-running 16-bit counters.
type wrapRing struct {
	buf        []int
	head, tail uint16 // BUG: 16 bits wrap; the modulo below is only right for a length that divides 65536
}

func (r *wrapRing) push(v int) {
	r.buf[int(r.tail)%len(r.buf)] = v
	r.tail++
}

func (r *wrapRing) pop() int {
	v := r.peek()
	r.head++
	return v
}

func (r *wrapRing) peek() int { return r.buf[int(r.head)%len(r.buf)] }
func (r *wrapRing) len() int  { return int(r.tail - r.head) }
