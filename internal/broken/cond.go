package broken

import (
	"context"
	"sync"
)

// cond is a condition variable bound to a mutex whose waits take a
// context. Each waiter has its own channel; a waiter that gives up after it
// was signalled passes the wake-up on, so no wake-up is lost.
type cond struct {
	waiters []chan struct{}
}

// wait releases mu, waits for a signal or the end of ctx, and locks mu
// again. mu must be held.
func (c *cond) wait(ctx context.Context, mu *sync.Mutex) error {
	w := make(chan struct{}, 1)
	c.waiters = append(c.waiters, w)
	mu.Unlock()
	select {
	case <-w:
		mu.Lock()
		return nil
	case <-ctx.Done():
		mu.Lock()
		if !c.remove(w) {
			c.signal() // we were signalled as we gave up: pass it on
		}
		return ctx.Err()
	}
}

// remove takes w out of the waiters and reports whether it was there.
func (c *cond) remove(w chan struct{}) bool {
	for i, x := range c.waiters {
		if x == w {
			c.waiters = append(c.waiters[:i], c.waiters[i+1:]...)
			return true
		}
	}
	return false
}

// signal wakes the longest waiter, if any.
func (c *cond) signal() {
	if len(c.waiters) == 0 {
		return
	}
	w := c.waiters[0]
	c.waiters = c.waiters[1:]
	w <- struct{}{}
}

// broadcast wakes every waiter.
func (c *cond) broadcast() {
	for len(c.waiters) > 0 {
		c.signal()
	}
}
