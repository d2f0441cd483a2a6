package queue

import "sync"

// Priority is a priority queue guarded by one mutex: Python's
// PriorityQueue. Get and TryGet return the smallest item by cmp; equal items
// come out in the order they were put.
//
// Every operation is linearizable. cmp is called with the queue's lock held:
// it must not call the queue.
type Priority[T any] struct {
	engine[T]
	h heap[T]
}

var _ Queue[int] = (*Priority[int])(nil)

// NewPriority returns an empty priority queue holding at most capacity
// items (capacity <= 0: unbounded), ordered by cmp, which returns a negative
// number when a < b, zero when a == b and a positive number when a > b
// ([cmp.Compare] for ordered types). It panics if cmp is nil.
func NewPriority[T any](capacity int, cmp func(a, b T) int) *Priority[T] {
	if cmp == nil {
		panic("queue: NewPriority needs a cmp function, got nil")
	}
	q := &Priority[T]{}
	q.h.max = max(capacity, 0)
	q.h.cmp = cmp
	q.engine.init(&q.h, capacity)
	return q
}

// entry is an item with its insertion sequence number, which orders equal
// items.
type entry[T any] struct {
	v   T
	seq uint64
}

// heap is a mutex-guarded binary min-heap of at most max items (0: no
// limit).
type heap[T any] struct {
	mu    sync.Mutex
	items []entry[T]
	cmp   func(a, b T) int
	seq   uint64
	max   int
}

func (h *heap[T]) less(i, j int) bool {
	a, b := &h.items[i], &h.items[j]
	if c := h.cmp(a.v, b.v); c != 0 {
		return c < 0
	}
	return a.seq < b.seq
}

func (h *heap[T]) push(v T) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.max > 0 && len(h.items) == h.max {
		return false
	}
	h.items = append(h.items, entry[T]{v: v, seq: h.seq})
	h.seq++
	for i := len(h.items) - 1; i > 0; {
		p := (i - 1) / 2
		if !h.less(i, p) {
			break
		}
		h.items[i], h.items[p] = h.items[p], h.items[i]
		i = p
	}
	return true
}

func (h *heap[T]) pop() (T, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := len(h.items)
	if n == 0 {
		var zero T
		return zero, false
	}
	v := h.items[0].v
	h.items[0] = h.items[n-1]
	h.items[n-1] = entry[T]{}
	h.items = h.items[:n-1]
	h.down(0)
	if h.max == 0 && cap(h.items) > 64 && n-1 < cap(h.items)/4 {
		h.items = append([]entry[T](nil), h.items...)
	}
	return v, true
}

// down moves the entry at i down to its place.
func (h *heap[T]) down(i int) {
	n := len(h.items)
	for {
		c := 2*i + 1
		if c >= n {
			return
		}
		if c+1 < n && h.less(c+1, c) {
			c++
		}
		if !h.less(c, i) {
			return
		}
		h.items[i], h.items[c] = h.items[c], h.items[i]
		i = c
	}
}

func (h *heap[T]) len() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.items)
}

func (h *heap[T]) drain() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := len(h.items)
	h.items = nil
	return n
}
