package broken

import "github.com/pcqkit/pcq/queue"

// shutdownCount is a queue whose immediate Shutdown discards the queued
// items but forgets to lower the unfinished-task count.
//
// The bug: the discarded items stay unfinished for ever, so Join never
// returns after Shutdown(true), even once every item that was got is done.
//
// Caught by: property (put, shutdown(immediate), join must return), the
// property protocol test with Shutdown(true), stress, fuzz.
type shutdownCount struct{ *base }

func newShutdownCount(capacity int) queue.Queue[int] {
	return shutdownCount{newBase(capacity)}
}

// Shutdown stops the queue; immediate also discards the queued items.
func (q shutdownCount) Shutdown(immediate bool) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.shut = true
	if immediate {
		for q.items.len() > 0 {
			q.items.pop() // BUG: the unfinished count must drop by one too
		}
		q.allDone.broadcast()
	}
	q.notEmpty.broadcast()
	q.notFull.broadcast()
	return nil
}
