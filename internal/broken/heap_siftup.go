package broken

import "github.com/pcqkit/pcq/queue"

// newHeapSiftUp returns a priority queue whose get sometimes returns an
// item that is not the smallest.
//
// The bug: the loop that moves a new item up the heap stops one level
// early, at index 1 instead of 0 (an off-by-one from a 1-based heap). A new
// smallest item that reaches a child of the root stays there, below a
// bigger root: put 5, put 3, and a get returns 5.
//
// Caught by: property (two puts, a get), stress, fuzz; all with the
// priority model.
func newHeapSiftUp(capacity int) queue.Queue[int] {
	q := newBase(capacity)
	h := newMinHeap()
	h.siftUp = func(h *minHeap, i int) {
		for i > 1 { // BUG: must be i > 0
			parent := (i - 1) / 2
			if !h.less(i, parent) {
				return
			}
			h.swap(i, parent)
			i = parent
		}
	}
	q.items = h
	return q
}
