package broken

import "github.com/pcqkit/pcq/queue"

// newRingGrow returns a queue that reorders its items when its ring buffer
// grows after wrapping around.
//
// The bug: the ring buffer doubles by copying its slice from index 0
// instead of from the head, then restarts at index 0. When the items had
// wrapped around the end (some got, more put), the newer items that sit
// before the head come out first.
//
// Caught by: property (put, put, get, put, put, then gets: as few as five
// operations with an unbounded queue or a capacity of 3 or more), stress,
// fuzz.
func newRingGrow(capacity int) queue.Queue[int] {
	q := newBase(capacity)
	q.items = &growRing{buf: make([]int, 2)}
	return q
}

// growRing is a ring buffer that grows when full.
type growRing struct {
	buf        []int
	head, size int
}

func (r *growRing) push(v int) {
	if r.size == len(r.buf) {
		bigger := make([]int, 2*len(r.buf))
		copy(bigger, r.buf) // BUG: must copy r.buf[r.head:] then r.buf[:r.head]
		r.buf, r.head = bigger, 0
	}
	r.buf[(r.head+r.size)%len(r.buf)] = v
	r.size++
}

func (r *growRing) pop() int {
	v := r.buf[r.head]
	r.head = (r.head + 1) % len(r.buf)
	r.size--
	return v
}

func (r *growRing) peek() int { return r.buf[r.head] }
func (r *growRing) len() int  { return r.size }
