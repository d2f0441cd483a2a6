package queue

import "runtime"

// Shutdown shuts the queue down, as Python 3.13's Queue.shutdown: puts fail
// with ErrShutDown from now on, gets fail with ErrShutDown once the queue is
// empty, and every blocked Put and Get wakes. With immediate, the queued
// items are discarded and the unfinished-task count is lowered by the number
// discarded, never below zero. Shutdown is sticky: a later Shutdown(true)
// still drains. It always returns nil.
//
// Shutdown waits for the puts already past the gate to finish, and for an
// immediate one, for the drain: it takes effect when it returns.
func (e *engine[T]) Shutdown(immediate bool) error {
	e.shutMu.Lock()
	defer e.shutMu.Unlock()
	old := e.flags.Load()
	want := flagClosed
	if immediate {
		want |= flagDrained
	}
	if old&want == want {
		return nil
	}
	done := make(chan struct{})
	e.phase.Store(&done) // before busy is set: awaitIdle reads it after
	e.flags.Or(want | flagBusy)
	e.getters.wakeAll()
	e.putters.wakeAll()
	if old&flagClosed == 0 {
		// Every put that passed the gate before it closed pushes now.
		for e.tasks.Load()&markMask != 0 {
			runtime.Gosched()
		}
	}
	if immediate {
		e.lower(uint64(e.buf.drain()))
	}
	e.flags.And(^flagBusy)
	close(done)
	return nil
}

// lower lowers the unfinished-task count by n, never below zero.
func (e *engine[T]) lower(n uint64) {
	for {
		w := e.tasks.Load()
		d := min(n, w>>markBits)
		if d == 0 {
			return
		}
		if e.tasks.CompareAndSwap(w, w-d<<markBits) {
			if w == d<<markBits {
				e.joiners.wakeAll()
			}
			return
		}
	}
}
