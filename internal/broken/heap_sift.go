package broken

import "github.com/pcqkit/pcq/queue"

// newHeapSift returns a priority queue whose get sometimes returns an item
// that is not the smallest.
//
// The bug: after a get moves the heap's last item to the root, sift-down
// compares the item with its left child only. When the right child is the
// smaller one, it stays below a bigger parent, and a later get returns the
// bigger item first.
//
// Caught by: property (a few puts of random values and gets), stress,
// fuzz; all with the priority model.
func newHeapSift(capacity int) queue.Queue[int] {
	q := newBase(capacity)
	h := newMinHeap()
	h.siftDown = func(h *minHeap, i int) {
		for {
			left := 2*i + 1 // BUG: the right child 2*i+2 may be the smaller
			if left >= len(h.items) || !h.less(left, i) {
				return
			}
			h.swap(i, left)
			i = left
		}
	}
	q.items = h
	return q
}
