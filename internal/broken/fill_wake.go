package broken

import (
	"context"
	"runtime"

	"github.com/pcqkit/pcq/queue"
)

// fillLater is a FIFO queue whose put reserves its position in one critical
// section and fills it in a second one (as a ring does that copies items
// outside its lock, or claims a slot before it writes it): a put takes
// effect at its reservation, and a get that finds the oldest position
// reserved but not filled waits for the fill.
//
// The bug: a fill wakes one getter, although it can make several items
// gettable at once: the items of later positions, filled first, wait behind
// it. Two puts overlap, the later one fills first (its wake-up finds the
// getters still awake, or wakes one that finds the head unfilled and sleeps
// again); the earlier fill then wakes one getter for two items, and a second
// getter sleeps on with an item queued. The correct queue wakes every
// getter at a fill (or as many as items became gettable).
//
// Caught by: stress (a liveness probe: two getters asleep, puts at once;
// 3-31 s), and the controlled scheduler on the scenario of Shape
// (c0=get~,get~,put,put), exhaustively with one preemption. PCT on drawn
// scenarios does not find it (none in 20,000 schedules, seeds 1 to 6): a
// yielding goroutine drops below every other, so the put that yields
// between its two steps is never overtaken there; nor is it expected of
// property and fuzz.
type fillLater struct {
	*base
	cells      map[uint64]int // filled positions not yet got
	head, tail uint64         // the oldest position, the next to reserve
	wakeAll    bool           // the fix: a fill wakes every getter
	// betweenPhases runs between a put's two critical sections (the
	// copy of the item); tests set it to hold a put there.
	betweenPhases func()
}

func newFillWakesOne(capacity int) queue.Queue[int] { return newFillLater(capacity, false) }

// newFillLater returns the queue, with the bug unless wakeAll.
func newFillLater(capacity int, wakeAll bool) *fillLater {
	return &fillLater{base: newBase(capacity), cells: map[uint64]int{}, wakeAll: wakeAll, betweenPhases: runtime.Gosched}
}

// Put reserves a position, waiting while the queue is full, then fills it.
func (q *fillLater) Put(ctx context.Context, v int) error {
	q.mu.Lock()
	for !q.shut && q.isFull() {
		if err := q.notFull.wait(ctx, &q.mu); err != nil {
			q.mu.Unlock()
			return err
		}
	}
	return q.reserveAndFill(v)
}

// TryPut reserves a position if there is room, then fills it.
func (q *fillLater) TryPut(v int) error {
	q.mu.Lock()
	if !q.shut && q.isFull() {
		q.mu.Unlock()
		return queue.ErrFull
	}
	return q.reserveAndFill(v)
}

// reserveAndFill is the end of a put, called with mu held and room for v
// (or the queue shut down): it reserves, unlocks, and fills in a second
// critical section.
func (q *fillLater) reserveAndFill(v int) error {
	if q.shut {
		q.mu.Unlock()
		return queue.ErrShutDown
	}
	pos := q.tail
	q.tail++
	q.unfinished++
	q.mu.Unlock()
	q.betweenPhases()

	q.mu.Lock()
	defer q.mu.Unlock()
	if pos >= q.head { // else an immediate shutdown discarded it
		q.cells[pos] = v
	}
	if q.wakeAll {
		q.notEmpty.broadcast()
	} else {
		q.notEmpty.signal() // BUG: the items behind pos may be gettable now too
	}
	return nil
}

func (q *fillLater) isFull() bool { return q.capacity > 0 && q.tail-q.head >= uint64(q.capacity) }

// Get removes the oldest item, waiting while the queue is empty or its
// oldest position is not filled yet.
func (q *fillLater) Get(ctx context.Context) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		if v, ok := q.take(); ok {
			return v, nil
		}
		if q.shut && q.head == q.tail {
			return 0, queue.ErrShutDown
		}
		if err := q.notEmpty.wait(ctx, &q.mu); err != nil {
			return 0, err
		}
	}
}

// TryGet removes the oldest item if there is one; when its position is
// reserved and not filled yet, it yields until the fill (the item is in the
// queue already; the fill waits for nothing but the lock).
func (q *fillLater) TryGet() (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		if v, ok := q.take(); ok {
			return v, nil
		}
		if q.head == q.tail {
			if q.shut {
				return 0, queue.ErrShutDown
			}
			return 0, queue.ErrEmpty
		}
		q.mu.Unlock()
		runtime.Gosched()
		q.mu.Lock()
	}
}

// take removes the item at the head if its position is filled; mu held.
func (q *fillLater) take() (int, bool) {
	v, ok := q.cells[q.head]
	if !ok {
		return 0, false
	}
	delete(q.cells, q.head)
	q.head++
	q.notFull.signal()
	return v, true
}

// Shutdown stops the queue; immediate also discards the queued items,
// those of the positions reserved and not filled yet included.
func (q *fillLater) Shutdown(immediate bool) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.shut = true
	if immediate {
		for ; q.head < q.tail; q.head++ {
			delete(q.cells, q.head)
			q.unfinished = max(q.unfinished-1, 0)
		}
		q.allDone.broadcast()
	}
	q.notEmpty.broadcast()
	q.notFull.broadcast()
	return nil
}

// Len returns the number of items: the positions reserved and not got.
func (q *fillLater) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return int(q.tail - q.head)
}
