package queue

// Shutdown shuts the queue down, as Python 3.13's Queue.shutdown: puts fail
// with ErrShutDown from now on, gets fail with ErrShutDown once the queue is
// empty, and every blocked Put and Get wakes. With immediate, the queued
// items are discarded and the unfinished-task count is lowered by the number
// discarded, never below zero. Shutdown is sticky: a later Shutdown(true)
// still drains. It always returns nil.
//
// Shutdown closes the buffer in one step, atomic with respect to every
// push, and for an immediate one then drains it: it takes effect when it
// returns.
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
	// Busy is set before the buffer closes: a put that finds the buffer
	// closed waits for the phase to end before it answers.
	e.flags.Or(want | flagBusy)
	if old&flagClosed == 0 {
		e.buf.close()
	}
	e.getters.wakeAll()
	e.putters.wakeAll()
	if immediate {
		e.lower(uint64(e.buf.drain()))
	}
	e.flags.And(^flagBusy)
	close(done)
	return nil
}

// lower lowers the unfinished-task count by n, never below zero, by raising
// done. The buffer is closed: its push count no longer changes.
func (e *engine[T]) lower(n uint64) {
	p, _ := e.buf.pushes()
	for {
		d := e.done.Load()
		k := min(n, p-d)
		if k == 0 {
			return
		}
		if e.done.CompareAndSwap(d, d+k) {
			if d+k == p {
				e.joiners.wakeAll()
			}
			return
		}
	}
}
