package queue

import (
	"context"
	"runtime"
)

// TaskDone marks one item put as processed. It returns ErrTaskDone, changing
// nothing, when every item put has already been marked done. It ignores
// shutdown.
//
// On a Chan, while no task is unfinished but a put is in progress, TaskDone
// cannot yet tell whether that put's item is in the queue; it yields until
// the put is counted or has failed, rather than answer wrongly.
func (e *engine[T]) TaskDone() error {
	for {
		d := e.done.Load()
		p, settled := e.buf.pushes()
		switch {
		case p > d:
			// Pushes only grow: at the compare-and-swap there are still
			// more than d of them.
			if e.done.CompareAndSwap(d, d+1) {
				if p == d+1 {
					e.joiners.wakeAll()
				}
				return nil
			}
		case settled:
			// done only grows and never exceeds the pushes: it was d when
			// p was read, so no task was unfinished then.
			return ErrTaskDone
		default:
			runtime.Gosched()
		}
	}
}

// idle reports whether no task is unfinished and no put is in progress that
// could add one.
func (e *engine[T]) idle() bool {
	d := e.done.Load()
	p, settled := e.buf.pushes()
	return p == d && settled // done was d when p was read, as in TaskDone
}

// Join waits until every item put has been marked done with TaskDone (or
// discarded by an immediate Shutdown). It returns nil at once if there is no
// unfinished task, even if ctx is already done, and ctx.Err() if ctx ends
// first. It ignores shutdown.
func (e *engine[T]) Join(ctx context.Context) error {
	for {
		if e.idle() {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		w := e.joiners.add()
		if e.idle() {
			e.joiners.leave(w) // joiners are woken all at once: nothing to pass on
			return nil
		}
		select {
		case <-w.ready:
			e.joiners.woke(w)
		case <-ctx.Done():
			e.joiners.leave(w)
			if e.idle() {
				return nil
			}
			return ctx.Err()
		}
	}
}
