package queue

import (
	"runtime"
	"sync/atomic"
)

// Linked is an unbounded FIFO queue on a linked list of segments, each an
// array of slots used once (the unbounded counterpart of Ring, in
// the manner of crossbeam's SegQueue); blocking, task accounting and
// shutdown are the shared ones. A put claims the next position with a
// compare-and-swap on the tail and fills its slot; a get claims the oldest
// filled position with a compare-and-swap on the head. The segments double
// in size from 1 slot up to segSize: a put allocates only when it opens a
// new segment, once every segSize puts after the first few (the small first
// segments let short tests cross segment boundaries).
//
// Every operation is linearizable, including the failures: "empty" is
// confirmed against the tail, and when a put has claimed the slot but not
// yet filled it, a get spins (yielding with runtime.Gosched) rather than
// answer spuriously, as in Ring; so Linked is not lock-free in the strict
// sense. Get confirms only before it sleeps, as in Ring. Len is
// linearizable (it rereads the head). Go's garbage collector frees a
// segment once both ends have moved past it.
type Linked[T any] struct {
	engine[T]
	l segList[T]
}

var _ Queue[int] = (*Linked[int])(nil)

// NewLinked returns an empty unbounded FIFO queue.
func NewLinked[T any]() *Linked[T] {
	q := &Linked[T]{}
	q.l.init()
	q.engine.init(&q.l, 0)
	return q
}

// segSize is the number of slots of a full-grown segment.
const segSize = 64

// A segment holds the positions from start to start+len(slots)-1.
type segment[T any] struct {
	start uint64
	next  atomic.Pointer[segment[T]]
	slots []segSlot[T]
}

// end returns the first position after the segment.
func (s *segment[T]) end() uint64 { return s.start + uint64(len(s.slots)) }

// A segSlot is filled once: full is set after val is stored.
type segSlot[T any] struct {
	full atomic.Bool
	val  T
}

// find returns the segment of position pos, walking from s (which starts at
// or before pos), or nil if it is not linked yet.
func (s *segment[T]) find(pos uint64) *segment[T] {
	for s != nil && pos >= s.end() {
		s = s.next.Load()
	}
	return s
}

// extend returns the segment of position pos, walking from s (which starts
// at or before pos) and linking new segments where the list ends.
func (s *segment[T]) extend(pos uint64) *segment[T] {
	for pos >= s.end() {
		next := s.next.Load()
		if next == nil {
			size := min(2*len(s.slots), segSize)
			next = &segment[T]{start: s.end(), slots: make([]segSlot[T], size)}
			if !s.next.CompareAndSwap(nil, next) {
				next = s.next.Load()
			}
		}
		s = next
	}
	return s
}

// segList is the list of segments: head and tail are positions (with
// posClosed), headSeg and tailSeg the segments of those positions or
// earlier ones (they move forward only after a position of the segment
// has been claimed).
type segList[T any] struct {
	head    atomic.Uint64
	headSeg atomic.Pointer[segment[T]]
	_       [48]byte
	tail    atomic.Uint64
	tailSeg atomic.Pointer[segment[T]]
	_       [48]byte
}

func (l *segList[T]) init() {
	s := &segment[T]{slots: make([]segSlot[T], 1)}
	l.headSeg.Store(s)
	l.tailSeg.Store(s)
}

// advance moves p forward to s, unless it is there or beyond already.
func advance[T any](p *atomic.Pointer[segment[T]], s *segment[T]) {
	for {
		cur := p.Load()
		if cur.start >= s.start || p.CompareAndSwap(cur, s) {
			return
		}
	}
}

func (l *segList[T]) push(v T) pushResult {
	for {
		pos := l.tail.Load()
		if pos&posClosed != 0 {
			return pushClosed
		}
		first := l.tailSeg.Load()
		if first.start > pos {
			continue // the tail has moved on
		}
		// The segment is linked before its first position is claimed:
		// a get that finds a position below the tail finds its segment.
		s := first.extend(pos)
		if l.tail.CompareAndSwap(pos, pos+1) {
			slot := &s.slots[pos-s.start]
			slot.val = v
			slot.full.Store(true)
			if s != first {
				advance(&l.tailSeg, s)
			}
			return pushed
		}
		yieldToContender()
	}
}

func (l *segList[T]) pop() (T, bool) { return l.dequeue(true) }

func (l *segList[T]) popUnconfirmed() (T, bool) { return l.dequeue(false) }

// pushUnconfirmed is push: a list is never full.
func (l *segList[T]) pushUnconfirmed(v T) pushResult { return l.push(v) }

// dequeue is pop, or with confirm false popUnconfirmed: it answers false
// as soon as the position it needs is not filled, without reading the
// tail.
func (l *segList[T]) dequeue(confirm bool) (T, bool) {
	var zero T
	for spins := 0; ; {
		pos := l.head.Load()
		if pos&posClosed != 0 {
			return zero, false
		}
		first := l.headSeg.Load()
		if first.start > pos {
			continue // the head has moved on
		}
		if s := first.find(pos); s != nil {
			slot := &s.slots[pos-s.start]
			if slot.full.Load() {
				if l.head.CompareAndSwap(pos, pos+1) {
					v := slot.val
					slot.val = zero
					if s != first {
						advance(&l.headSeg, s)
					}
					return v, true
				}
				yieldToContender()
				continue
			}
		}
		if !confirm {
			return zero, false
		}
		// Not filled: empty, unless a put has claimed the position (the
		// tail moved) and not yet filled it. The head did not move while
		// the tail was read, so at that moment the queue held tail-pos
		// items.
		t := l.tail.Load() &^ posClosed
		if l.head.Load() == pos {
			if t == pos {
				return zero, false
			}
			spins = backoff(spins)
		}
	}
}

func (l *segList[T]) len() int { return queued(&l.head, &l.tail) }

// pushes returns the tail: every position below it was claimed by a push,
// whose claim is its linearization point.
func (l *segList[T]) pushes() (uint64, bool) {
	return l.tail.Load() &^ posClosed, true
}

// close sets the closed bit in the tail: a push claims its position with a
// compare-and-swap on the tail, which fails from then on.
func (l *segList[T]) close() { l.tail.Or(posClosed) }

// drain closes the head: the compare-and-swap is the drain's one step. The
// tail is closed, so it is final; the drain waits for each slot below it
// to be filled (a push may have claimed its position and not yet filled
// it).
func (l *segList[T]) drain() int {
	for {
		h := l.head.Load()
		if h&posClosed != 0 {
			return 0
		}
		if !l.head.CompareAndSwap(h, h|posClosed) {
			continue
		}
		t := l.tail.Load() &^ posClosed
		s := l.headSeg.Load()
		var zero T
		for p := h; p < t; p++ {
			s = s.find(p)
			slot := &s.slots[p-s.start]
			for !slot.full.Load() {
				runtime.Gosched()
			}
			slot.val = zero
		}
		return int(t - h)
	}
}
