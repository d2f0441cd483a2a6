package sync

import (
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/pcqkit/pcq/stress/sched"
)

// Cond is [sync.Cond] for both worlds. Outside a scheduler it is a real
// sync.Cond over L (created at first use). Under a scheduler Wait takes a
// ticket and is modelled with [sched.Await] until Signal or Broadcast marks
// the ticket, so the waiter is never parked in the runtime.
type Cond struct {
	// L is held while observing or changing the condition.
	L Locker

	mu      sync.Mutex    // guards waiters and real; never held across a hook
	waiters []*condTicket // managed waiters, oldest first
	real    *sync.Cond    // the real Cond for waiters outside a scheduler
}

// condTicket is one managed Wait, signalled by Signal or Broadcast.
type condTicket struct {
	signalled atomic.Bool
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond {
	return &Cond{L: l}
}

// Wait is [sync.Cond.Wait]: it unlocks c.L, waits for a Signal or Broadcast,
// and locks c.L again before returning.
func (c *Cond) Wait() {
	if !sched.Managed() {
		c.realCond().Wait()
		return
	}
	ticket := c.enqueue()
	c.L.Unlock()
	if !sched.Await("sync.Cond.Wait", unsafe.Pointer(c), ticket.signalled.Load) {
		panic("sync: Cond.Wait: sched.Await returned false in a managed goroutine")
	}
	c.L.Lock()
}

// Signal is [sync.Cond.Signal] at a scheduling point: it wakes the oldest
// managed waiter if there is one, otherwise one real waiter.
func (c *Cond) Signal() {
	sched.Point("sync.Cond.Signal", unsafe.Pointer(c))
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.waiters) > 0 {
		c.waiters[0].signalled.Store(true)
		c.waiters[0] = nil
		c.waiters = c.waiters[1:]
		return
	}
	if c.real != nil {
		c.real.Signal()
	}
}

// Broadcast is [sync.Cond.Broadcast] at a scheduling point: it wakes every
// waiter, managed or not.
func (c *Cond) Broadcast() {
	sched.Point("sync.Cond.Broadcast", unsafe.Pointer(c))
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, t := range c.waiters {
		t.signalled.Store(true)
	}
	c.waiters = nil
	if c.real != nil {
		c.real.Broadcast()
	}
}

// enqueue adds a ticket for a managed Wait.
func (c *Cond) enqueue() *condTicket {
	t := &condTicket{}
	c.mu.Lock()
	c.waiters = append(c.waiters, t)
	c.mu.Unlock()
	return t
}

// realCond is the real sync.Cond over c.L, created at first use.
func (c *Cond) realCond() *sync.Cond {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.real == nil {
		c.real = sync.NewCond(c.L)
	}
	return c.real
}
