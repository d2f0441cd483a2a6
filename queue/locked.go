package queue

import (
	"sync"
	"sync/atomic"
)

// Locked is a FIFO queue guarded by locks, CPython's design done right for
// Go: a ring buffer that grows as needed (up to the capacity when bounded;
// an unbounded one also shrinks when mostly empty), and per-waiter
// wake-ups instead of condition variables, so that blocking calls can be
// canceled. Where CPython has one lock, Locked has one for each end (the
// two-lock queue of Michael and Scott): a put and a get never wait for
// each other, only for calls of their own kind; growing and shrinking
// take both (shrinking only when the putters' lock is free).
//
// Every operation is linearizable. TryPut and TryGet do not allocate,
// except when the storage grows (or, unbounded, shrinks).
type Locked[T any] struct {
	engine[T]
	d deque[T]
}

var _ Queue[int] = (*Locked[int])(nil)

// NewLocked returns an empty FIFO queue holding at most capacity items;
// capacity <= 0 means unbounded.
func NewLocked[T any](capacity int) *Locked[T] {
	q := &Locked[T]{}
	q.d.max = uint64(max(capacity, 0))
	q.engine.init(&q.d, capacity)
	return q
}

// deque is a ring buffer of at most max items (0: no limit) with a lock
// for each end. head counts the pops and tail the pushes: the items are
// at positions head to tail-1, position p in items[p % len(items)]. Each
// counter is written only with its end's lock held, and read by the other
// end without it: a push's store of the tail is its linearization point
// (and its count, for task accounting), a pop's store of the head is its
// own.
//
// items (the slice) changes only with both locks held, so either lock
// alone protects reading it. A push writes the slot at the tail, which no
// pop reads until the tail's store; a pop clears the slot at the head,
// which no push writes until the head's store.
//
// Each end keeps the other end's counter as it last read it (tailSeen,
// headSeen; the counters only grow, so a value read is a bound): a pop
// reads the tail only when the tail it saw says "empty", a push reads the
// head only when the head it saw says "full", so that on most operations
// neither end reads the other's cache line. "Full" and "empty" are
// answered on a fresh read only.
type deque[T any] struct {
	headMu   sync.Mutex // held by a pop, and by a resize
	head     atomic.Uint64
	tailSeen uint64 // a tail read by a pop: at most the tail
	_        [40]byte

	tailMu   sync.Mutex // held by a push, close and drain, and by a resize
	tail     atomic.Uint64
	headSeen uint64 // a head read by a push: at most the head
	closed   bool
	_        [32]byte

	items []T
	max   uint64
}

// The sizes of a deque's storage: it starts at dequeMinSize and doubles
// as needed; an unbounded deque halves storage larger than
// dequeShrinkFrom once it is less than a quarter full.
const (
	dequeMinSize    = 8
	dequeShrinkFrom = 64
)

func (d *deque[T]) push(v T) pushResult {
	d.tailMu.Lock()
	defer d.tailMu.Unlock()
	if d.closed {
		return pushClosed
	}
	t := d.tail.Load()
	n := t - d.headSeen // at least the items held
	// The storage never exceeds max, so this covers "full" too.
	if n >= uint64(len(d.items)) {
		d.headSeen = d.head.Load()
		n = t - d.headSeen // at that load the deque held n items
	}
	if d.max > 0 && n >= d.max {
		return pushFull
	}
	if n == uint64(len(d.items)) {
		d.headMu.Lock()
		d.resize(max(2*n, dequeMinSize))
		d.headMu.Unlock()
	}
	d.items[t%uint64(len(d.items))] = v
	d.tail.Store(t + 1)
	return pushed
}

func (d *deque[T]) pop() (T, bool) {
	var zero T
	d.headMu.Lock()
	defer d.headMu.Unlock()
	h := d.head.Load()
	if d.tailSeen <= h { // the tail seen says empty
		d.tailSeen = d.tail.Load()
		if d.tailSeen == h { // empty at that load
			return zero, false
		}
	}
	i := h % uint64(len(d.items))
	v := d.items[i]
	d.items[i] = zero
	d.head.Store(h + 1)
	if d.max == 0 && len(d.items) > dequeShrinkFrom && d.tailSeen-(h+1) < uint64(len(d.items))/4 {
		d.shrink() // the tail seen is a bound: shrink rereads it
	}
	return v, true
}

// shrink halves the storage of an unbounded deque if it is less than a
// quarter full and the tail's lock is free: the head's is held, and the
// order is tail before head. Shrinking is best effort: while pushes keep
// the tail's lock busy, storage may stay large a while longer.
func (d *deque[T]) shrink() {
	if d.tailMu.TryLock() {
		if n := d.tail.Load() - d.head.Load(); n < uint64(len(d.items))/4 {
			d.resize(uint64(len(d.items)) / 2)
		}
		d.tailMu.Unlock()
	}
}

// resize moves the items into new storage of size c (at least the item
// count), limited to max. Both locks must be held.
func (d *deque[T]) resize(c uint64) {
	if d.max > 0 {
		c = min(c, d.max)
	}
	items := make([]T, c)
	h, t := d.head.Load(), d.tail.Load()
	for p := h; p < t; p++ {
		items[p%c] = d.items[p%uint64(len(d.items))]
	}
	d.items = items
}

// len takes no lock (see queued; the deque's counters never carry
// posClosed).
func (d *deque[T]) len() int { return queued(&d.head, &d.tail) }

// pushes returns the tail: the count of pushes, each counted at its
// linearization point.
func (d *deque[T]) pushes() (uint64, bool) { return d.tail.Load(), true }

func (d *deque[T]) close() {
	d.tailMu.Lock()
	d.closed = true
	d.tailMu.Unlock()
}

// drain removes every item with both locks held: the deque is closed, so
// the tail is final and every later pop finds the head there.
func (d *deque[T]) drain() int {
	d.tailMu.Lock()
	defer d.tailMu.Unlock()
	d.headMu.Lock()
	defer d.headMu.Unlock()
	h, t := d.head.Load(), d.tail.Load()
	d.items = nil
	d.head.Store(t)
	d.tailSeen = t
	return int(t - h)
}
