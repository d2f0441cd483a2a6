package broken

// stack is the correct LIFO store: a slice, newest item last.
type stack struct{ items []int }

func (s *stack) push(v int) { s.items = append(s.items, v) }

func (s *stack) pop() int {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func (s *stack) peek() int { return s.items[len(s.items)-1] }
func (s *stack) len() int  { return len(s.items) }

// heapItem is an item of a priority store with its insertion number, so
// that equal items come out in insertion order.
type heapItem struct {
	v   int
	seq uint64
}

// minHeap is the correct priority store: a binary min-heap, smallest item
// first, equal items in insertion order. siftUp is the one step a broken
// heap changes.
type minHeap struct {
	items  []heapItem
	seq    uint64
	siftUp func(h *minHeap, i int)
}

func newMinHeap() *minHeap { return &minHeap{siftUp: (*minHeap).up} }

func (h *minHeap) less(i, j int) bool {
	a, b := h.items[i], h.items[j]
	return a.v < b.v || a.v == b.v && a.seq < b.seq
}

func (h *minHeap) swap(i, j int) { h.items[i], h.items[j] = h.items[j], h.items[i] }

func (h *minHeap) push(v int) {
	h.seq++
	h.items = append(h.items, heapItem{v, h.seq})
	h.siftUp(h, len(h.items)-1)
}

// up moves item i up to its place: above it, a smaller parent.
func (h *minHeap) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !h.less(i, parent) {
			return
		}
		h.swap(i, parent)
		i = parent
	}
}

func (h *minHeap) pop() int {
	v := h.items[0].v
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	h.down(0)
	return v
}

// down moves item i down to its place: below it, the smaller child.
func (h *minHeap) down(i int) {
	for {
		small := i
		for _, c := range []int{2*i + 1, 2*i + 2} {
			if c < len(h.items) && h.less(c, small) {
				small = c
			}
		}
		if small == i {
			return
		}
		h.swap(i, small)
		i = small
	}
}

func (h *minHeap) peek() int { return h.items[0].v }
func (h *minHeap) len() int  { return len(h.items) }
