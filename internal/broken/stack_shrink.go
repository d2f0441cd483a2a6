package broken

import "github.com/pcqkit/pcq/queue"

// newStackShrink returns a LIFO queue whose items come back reversed when
// its backing array shrinks.
//
// The bug: the stack manages its own array, doubling it when full and
// halving it when at most half full. The halving copies with a loop taken
// from the deque it was written next to, which fills the new array from
// its far end: after a shrink the oldest item is on top.
//
// Caught by: property (three puts and a get, then one more get: a
// capacity of 3 or more, or unbounded), stress, fuzz; all with the LIFO
// model.
func newStackShrink(capacity int) queue.Queue[int] {
	q := newBase(capacity)
	q.items = &shrinkStack{buf: make([]int, shrinkMin)}
	return q
}

// shrinkMin is the size the array never shrinks below.
const shrinkMin = 2

// shrinkStack is a stack on an array it grows and shrinks itself.
type shrinkStack struct {
	buf []int
	n   int
}

func (s *shrinkStack) push(v int) {
	if s.n == len(s.buf) {
		bigger := make([]int, 2*len(s.buf))
		copy(bigger, s.buf)
		s.buf = bigger
	}
	s.buf[s.n] = v
	s.n++
}

func (s *shrinkStack) pop() int {
	s.n--
	v := s.buf[s.n]
	if len(s.buf) >= 2*shrinkMin && s.n <= len(s.buf)/2 {
		smaller := make([]int, len(s.buf)/2)
		for i := range s.n {
			smaller[s.n-1-i] = s.buf[i] // BUG: must be smaller[i] = s.buf[i]
		}
		s.buf = smaller
	}
	return v
}

func (s *shrinkStack) peek() int { return s.buf[s.n-1] }
func (s *shrinkStack) len() int  { return s.n }
