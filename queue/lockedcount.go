package queue

import "sync/atomic"

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
