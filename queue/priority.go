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
	mu          sync.Mutex
	items       []entry[T]
	cmp         func(a, b T) int
	max         int
	lockedCount // its push count numbers the entries
}

func (h *heap[T]) less(i, j int) bool { return h.before(&h.items[i], &h.items[j]) }

// before reports whether a comes out before b (see [precedes]).
func (h *heap[T]) before(a, b *entry[T]) bool { return precedes(h.cmp(a.v, b.v), a.seq, b.seq) }

// precedes reports whether an entry comes out before another, given their
// comparison by cmp and their sequence numbers: smaller by cmp, or equal
// and put earlier.
func precedes(cmp int, seq, otherSeq uint64) bool { return cmp < 0 || cmp == 0 && seq < otherSeq }

func (h *heap[T]) push(v T) pushResult {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return pushClosed
	}
	if h.max > 0 && len(h.items) == h.max {
		return pushFull
	}
	h.items = append(h.items, entry[T]{v: v, seq: h.n.Load()})
	for i := len(h.items) - 1; i > 0; {
		p := (i - 1) / 2
		if !h.less(i, p) {
			break
		}
		h.items[i], h.items[p] = h.items[p], h.items[i]
		i = p
	}
	h.count()
	return pushed
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
	last := h.items[n-1]
	h.items[n-1] = entry[T]{}
	h.items = h.items[:n-1]
	if n > 1 {
		h.refill(last)
	}
	if h.max == 0 && cap(h.items) > 64 && n-1 < cap(h.items)/4 {
		h.items = append([]entry[T](nil), h.items...)
	}
	return v, true
}

// refill puts e into the hole left at the root (Floyd's bottom-up
// deletion): the hole goes down to a leaf along the smaller children, one
// comparison a level, then e goes up from there to its place. e comes
// from the bottom and mostly belongs near it, so this takes about half the
// comparisons of sifting e down from the root. The way down compares
// without a call (the generic before is not inlined there) and adds the
// answer to the index instead of branching on it: which child is smaller
// is a coin toss. Measured: 5-10% less time per item in
// BenchmarkTryPathHeld/priority (medians of 8 runs, one processor).
func (h *heap[T]) refill(e entry[T]) {
	items := h.items
	n, i := len(items), 0
	for c := 1; c+1 < n; c = 2*i + 1 {
		r, l := &items[c+1], &items[c]
		c += oneIf(precedes(h.cmp(r.v, l.v), r.seq, l.seq)) // h.before(r, l), inlined
		items[i] = items[c]
		i = c
	}
	if c := 2*i + 1; c < n { // an only child, the last item
		items[i] = items[c]
		i = c
	}
	for i > 0 {
		p := (i - 1) / 2
		if !h.before(&e, &items[p]) {
			break
		}
		items[i] = items[p]
		i = p
	}
	items[i] = e
}

// oneIf returns 1 if b, else 0, without a branch.
func oneIf(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (h *heap[T]) len() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.items)
}

func (h *heap[T]) close() {
	h.mu.Lock()
	h.closed = true
	h.mu.Unlock()
}

func (h *heap[T]) drain() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := len(h.items)
	h.items = nil
	return n
}
