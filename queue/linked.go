package queue

import "sync/atomic"

// Linked is an unbounded FIFO queue on a lock-free Michael–Scott linked
// list; blocking, task accounting and shutdown are the shared ones. Go's
// garbage collector rules out the ABA problem, so the list needs no tags or
// hazard pointers. Every put allocates one node.
//
// Every operation is linearizable. Len is too, and does not count: each
// node carries its position in the list, so the length is the difference
// between the last node's position and the head's, read while the head did
// not move (Len retries if it did).
type Linked[T any] struct {
	engine[T]
	l list[T]
}

var _ Queue[int] = (*Linked[int])(nil)

// NewLinked returns an empty unbounded FIFO queue.
func NewLinked[T any]() *Linked[T] {
	q := &Linked[T]{}
	q.l.init()
	q.engine.init(&q.l, 0)
	return q
}

type node[T any] struct {
	next atomic.Pointer[node[T]]
	val  T
	pos  uint64 // the head's pos plus the number of nodes before this one
}

// list is a Michael–Scott queue: head is a dummy node whose successor holds
// the oldest item; tail is the last node or lags behind it. A closed list
// ends in end, a marker node that holds no item: a push links its node to
// a last node whose next is nil, so once end is linked no push succeeds.
type list[T any] struct {
	head atomic.Pointer[node[T]]
	_    [56]byte
	tail atomic.Pointer[node[T]]
	_    [56]byte
	end  *node[T] // linked by close; its pos is the last item's
}

func (l *list[T]) init() {
	n := &node[T]{}
	l.head.Store(n)
	l.tail.Store(n)
	l.end = &node[T]{}
}

// last returns the last node at the moment its next pointer was read nil.
func (l *list[T]) last() *node[T] {
	t := l.tail.Load()
	for {
		next := t.next.Load()
		if next == nil {
			return t
		}
		l.tail.CompareAndSwap(t, next) // help a lagging tail
		t = next
	}
}

func (l *list[T]) push(v T) pushResult {
	var n *node[T]
	for {
		t := l.last()
		if t == l.end {
			return pushClosed
		}
		if n == nil {
			n = &node[T]{val: v}
		}
		n.pos = t.pos + 1
		if t.next.CompareAndSwap(nil, n) {
			l.tail.CompareAndSwap(t, n)
			return pushed
		}
	}
}

func (l *list[T]) pop() (T, bool) {
	var zero T
	for {
		h := l.head.Load()
		next := h.next.Load()
		if next == nil || next == l.end {
			// The head only moves to its successor, and a successor once
			// set stays: h was still the head when next read nil (or the
			// end marker), so the queue was empty then. A drained head is
			// the end marker, which has no successor.
			return zero, false
		}
		if l.head.CompareAndSwap(h, next) {
			v := next.val
			next.val = zero // next is the new dummy
			return v, true
		}
	}
}

func (l *list[T]) len() int {
	for {
		h := l.head.Load()
		last := l.last()
		if l.head.Load() == h {
			return int(last.pos - h.pos)
		}
	}
}

// pushes returns the last node's position: the number of nodes ever
// linked, read at the moment the last one's next was nil.
func (l *list[T]) pushes() (uint64, bool) {
	return l.last().pos, true
}

// close links the end marker after the last node: that compare-and-swap is
// the close's one step.
func (l *list[T]) close() {
	for {
		t := l.last()
		l.end.pos = t.pos // published by the compare-and-swap
		if t.next.CompareAndSwap(nil, l.end) {
			l.tail.CompareAndSwap(t, l.end)
			return
		}
	}
}

// drain swaps the head for the end marker: that swap is the drain's one
// step. The list is closed, so the nodes after the old head are final.
func (l *list[T]) drain() int {
	h := l.head.Swap(l.end)
	n := 0
	var zero T
	for p := h.next.Load(); p != l.end; p = p.next.Load() {
		p.val = zero
		n++
	}
	l.tail.Store(l.end)
	return n
}
