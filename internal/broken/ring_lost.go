package broken

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/pcqkit/pcq/queue"
)

// lostRing is a bounded lock-free ring (Vyukov's per-slot sequence numbers)
// whose enqueue claims its slot with a load and a store instead of a CAS.
//
// The bug: two putters that load the same tail both see the slot free, both
// store tail+1 and both write the slot: one item overwrites the other and
// both Puts return nil. Under contention the tail can even move back, and
// later puts find the ring full for ever. No data race: every shared word is
// atomic, so only a checker of results finds it.
//
// Bounded only: it panics on capacity < 1, like the kit's Ring.
//
// Caught by: stress and fuzz (values put and never got; puts blocked on a
// ring that is not full), the property protocol tests when producers
// overlap (a lost item or a hang).
type lostRing struct {
	slots      []slot // at least 2: with one, "written" and "free" look alike
	capacity   int
	head, tail atomic.Uint64
	gate       sync.RWMutex // puts hold it shared, Shutdown exclusively
	shut       atomic.Bool
	mu         sync.Mutex    // guards changed and unfinished
	changed    chan struct{} // closed and replaced at every change
	unfinished int
}

type slot struct {
	seq atomic.Uint64
	val atomic.Int64
}

func newLostRing(capacity int) queue.Queue[int] {
	if capacity < 1 {
		panic("broken: the lost ring is bounded: capacity must be at least 1")
	}
	r := &lostRing{slots: make([]slot, max(capacity, 2)), capacity: capacity, changed: make(chan struct{})}
	for i := range r.slots {
		r.slots[i].seq.Store(uint64(i))
	}
	return r
}

// push writes v into the slot at the tail; false when full.
func (r *lostRing) push(v int) bool {
	n := uint64(len(r.slots))
	for range 64 {
		pos := r.tail.Load()
		s := &r.slots[pos%n]
		seq := s.seq.Load()
		switch {
		case pos-r.head.Load() >= uint64(r.capacity):
			return false
		case seq == pos:
			r.tail.Store(pos + 1) // BUG: must be r.tail.CompareAndSwap(pos, pos+1), retrying on failure
			s.val.Store(int64(v))
			s.seq.Store(pos + 1)
			return true
		case seq < pos:
			return false
		}
	}
	return false // the tail moved back: the slot ahead stays taken
}

// pop takes the item at the head; false when empty.
func (r *lostRing) pop() (int, bool) {
	n := uint64(len(r.slots))
	for range 1 << 10 {
		pos := r.head.Load()
		s := &r.slots[pos%n]
		seq := s.seq.Load()
		switch {
		case seq == pos+1:
			if r.head.CompareAndSwap(pos, pos+1) {
				v := s.val.Load()
				s.seq.Store(pos + n)
				return int(v), true
			}
		case seq < pos+1:
			return 0, false
		}
	}
	return 0, false
}

// watch returns the channel that the next change closes.
func (r *lostRing) watch() <-chan struct{} {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.changed
}

// notify wakes every waiter; mu must be held.
func (r *lostRing) notify() {
	close(r.changed)
	r.changed = make(chan struct{})
}

func wait(ctx context.Context, ch <-chan struct{}) error {
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Put appends v, waiting while the ring is full.
func (r *lostRing) Put(ctx context.Context, v int) error {
	for {
		ch := r.watch()
		if err := r.TryPut(v); err != queue.ErrFull {
			return err
		}
		if err := wait(ctx, ch); err != nil {
			return err
		}
	}
}

// TryPut appends v if there is room.
func (r *lostRing) TryPut(v int) error {
	r.gate.RLock()
	defer r.gate.RUnlock()
	if r.shut.Load() {
		return queue.ErrShutDown
	}
	r.mu.Lock()
	r.unfinished++ // before the item is visible, so its TaskDone never fails
	r.mu.Unlock()
	ok := r.push(v)
	r.mu.Lock()
	defer r.mu.Unlock()
	if !ok {
		r.unfinished--
	}
	r.notify()
	if !ok {
		return queue.ErrFull
	}
	return nil
}

// Get removes the next item, waiting while the ring is empty.
func (r *lostRing) Get(ctx context.Context) (int, error) {
	for {
		ch := r.watch()
		v, err := r.TryGet()
		if err != queue.ErrEmpty {
			return v, err
		}
		if err := wait(ctx, ch); err != nil {
			return 0, err
		}
	}
}

// TryGet removes the next item if there is one.
func (r *lostRing) TryGet() (int, error) {
	if v, ok := r.pop(); ok {
		r.mu.Lock()
		r.notify()
		r.mu.Unlock()
		return v, nil
	}
	if r.shut.Load() {
		return 0, queue.ErrShutDown
	}
	return 0, queue.ErrEmpty
}

// TaskDone marks one item as processed.
func (r *lostRing) TaskDone() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.unfinished <= 0 {
		return queue.ErrTaskDone
	}
	r.unfinished--
	if r.unfinished == 0 {
		r.notify()
	}
	return nil
}

// Join waits until every item put has been marked done.
func (r *lostRing) Join(ctx context.Context) error {
	for {
		r.mu.Lock()
		n, ch := r.unfinished, r.changed
		r.mu.Unlock()
		if n == 0 {
			return nil
		}
		if err := wait(ctx, ch); err != nil {
			return err
		}
	}
}

// Shutdown stops the ring; immediate also discards the queued items.
func (r *lostRing) Shutdown(immediate bool) error {
	r.gate.Lock()
	defer r.gate.Unlock()
	r.shut.Store(true)
	r.mu.Lock()
	defer r.mu.Unlock()
	for immediate {
		if _, ok := r.pop(); !ok {
			break
		}
		if r.unfinished > 0 {
			r.unfinished--
		}
	}
	r.notify()
	return nil
}

// Len returns the number of queued items.
func (r *lostRing) Len() int { return max(int(r.tail.Load())-int(r.head.Load()), 0) }

// Cap returns the capacity.
func (r *lostRing) Cap() int { return r.capacity }
