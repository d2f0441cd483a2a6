package broken

import "github.com/pcqkit/pcq/queue"

// shutdownAsleep is a queue whose Shutdown wakes only one blocked getter.
//
// The bug: Shutdown signals the getters' condition instead of broadcasting
// it. One blocked Get wakes and returns ErrShutDown; the others sleep on,
// although every Get on a shut-down, empty queue must fail at once.
//
// Caught by: the property protocol test with Shutdown (two consumers or
// more blocked at shutdown: the watchdog reports the hang), stress.
type shutdownAsleep struct{ *base }

func newShutdownAsleep(capacity int) queue.Queue[int] {
	return shutdownAsleep{newBase(capacity)}
}

// Shutdown stops the queue; immediate also discards the queued items.
func (q shutdownAsleep) Shutdown(immediate bool) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.shut = true
	if immediate {
		q.drain()
	}
	q.notEmpty.signal() // BUG: must wake every getter (broadcast)
	q.notFull.broadcast()
	return nil
}
