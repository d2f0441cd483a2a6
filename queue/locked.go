package queue

import (
	"sync"
	"sync/atomic"
)

// Locked is a FIFO queue guarded by one mutex, CPython's design done right
// for Go: a ring buffer that grows as needed (up to the capacity when
// bounded; an unbounded one also shrinks when mostly empty), and
// per-waiter wake-ups instead of condition variables, so that blocking calls
// can be canceled.
//
// Every operation is linearizable. TryPut and TryGet do not allocate, except
// when the storage grows (or, unbounded, shrinks).
type Locked[T any] struct {
	engine[T]
	d deque[T]
}

var _ Queue[int] = (*Locked[int])(nil)

// NewLocked returns an empty FIFO queue holding at most capacity items;
// capacity <= 0 means unbounded.
func NewLocked[T any](capacity int) *Locked[T] {
	q := &Locked[T]{}
	q.d.max = max(capacity, 0)
	q.engine.init(&q.d, capacity)
	return q
}

// deque is a mutex-guarded ring buffer of at most max items (0: no limit).
type deque[T any] struct {
	mu    sync.Mutex
	items []T
	head  int // index of the oldest item
	n     int
	max   int
	lockedCount
}

func (d *deque[T]) push(v T) pushResult {
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		return pushClosed
	}
	if d.n == d.max && d.max > 0 {
		d.mu.Unlock()
		return pushFull
	}
	if d.n == len(d.items) {
		d.resize(max(2*d.n, 8))
	}
	i := d.head + d.n
	if i >= len(d.items) {
		i -= len(d.items)
	}
	d.items[i] = v
	d.n++
	d.count()
	d.mu.Unlock()
	return pushed
}

func (d *deque[T]) pop() (T, bool) {
	var zero T
	d.mu.Lock()
	if d.n == 0 {
		d.mu.Unlock()
		return zero, false
	}
	v := d.items[d.head]
	d.items[d.head] = zero
	d.head++
	if d.head == len(d.items) {
		d.head = 0
	}
	d.n--
	if d.max == 0 && len(d.items) > 64 && d.n < len(d.items)/4 {
		d.resize(len(d.items) / 2)
	}
	d.mu.Unlock()
	return v, true
}

// lockedCount is the push count and the closed mark of a buffer guarded by
// a mutex: both are written with the mutex held, and the count is read
// without it (its store is the push's linearization point).
type lockedCount struct {
	n      atomic.Uint64
	closed bool
}

// count counts one push; the buffer's mutex must be held.
func (c *lockedCount) count() { c.n.Store(c.n.Load() + 1) }

func (c *lockedCount) pushes() (uint64, bool) { return c.n.Load(), true }

// resize moves the items into new storage of size c, limited to max.
func (d *deque[T]) resize(c int) {
	if d.max > 0 {
		c = min(c, d.max)
	}
	items := make([]T, c)
	k := copy(items, d.items[d.head:min(d.head+d.n, len(d.items))])
	copy(items[k:], d.items[:d.n-k])
	d.items, d.head = items, 0
}

func (d *deque[T]) len() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.n
}

func (d *deque[T]) close() {
	d.mu.Lock()
	d.closed = true
	d.mu.Unlock()
}

func (d *deque[T]) drain() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := d.n
	d.items, d.head, d.n = nil, 0, 0
	return n
}
