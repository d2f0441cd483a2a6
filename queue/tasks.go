package queue

import (
	"context"
	"runtime"
)

// TaskDone marks one item put as processed. It returns ErrTaskDone, changing
// nothing, when every item put has already been marked done. It ignores
// shutdown.
//
// While no task is unfinished but a put is in flight, TaskDone cannot yet
// tell whether that put's item is in the queue; it yields until the put is
// counted or has failed, rather than answer wrongly.
func (e *engine[T]) TaskDone() error {
	for {
		w := e.tasks.Load()
		switch {
		case w >= oneTask:
			if e.tasks.CompareAndSwap(w, w-oneTask) {
				if w == oneTask {
					e.joiners.wakeAll()
				}
				return nil
			}
		case w == 0:
			return ErrTaskDone
		default:
			runtime.Gosched()
		}
	}
}

// Join waits until every item put has been marked done with TaskDone (or
// discarded by an immediate Shutdown). It returns nil at once if there is no
// unfinished task, even if ctx is already done, and ctx.Err() if ctx ends
// first. It ignores shutdown.
func (e *engine[T]) Join(ctx context.Context) error {
	for {
		if e.tasks.Load() == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		w := e.joiners.add()
		if e.tasks.Load() == 0 {
			e.joiners.leave(w) // joiners are woken all at once: nothing to pass on
			return nil
		}
		select {
		case <-w.ready:
			e.joiners.woke(w)
		case <-ctx.Done():
			e.joiners.leave(w)
			if e.tasks.Load() == 0 {
				return nil
			}
			return ctx.Err()
		}
	}
}
