package queue

import (
	"context"
	"runtime"
)

// TryPut appends v if there is room at once. It returns ErrShutDown once the
// queue is shut down (checked before fullness), else ErrFull when there is
// no room.
func (e *engine[T]) TryPut(v T) error { return e.afterPush(e.buf.push(v)) }

// afterPush answers a put whose push had result r.
func (e *engine[T]) afterPush(r pushResult) error {
	switch r {
	case pushed:
		e.getters.wakeOne()
		return nil
	case pushFull:
		e.settle()
		return ErrFull
	}
	e.settle()
	e.awaitIdle() // answer only once the closing phase has ended
	return ErrShutDown
}

// settle wakes the joiners after a failed put, in case they wait because
// it was in progress (see [buffer.pushes]) and no task is unfinished.
func (e *engine[T]) settle() {
	if e.joiners.n.Load() != 0 && e.idle() {
		e.joiners.wakeAll()
	}
}

// putAfter answers a Put (each implementation's, direct.go) after its
// first attempt, an unconfirmed push whose result was first: it waits
// while the queue is full, and answers ctx.Err() only once ctx has ended
// and a TryPut has failed.
func (e *engine[T]) putAfter(ctx context.Context, v T, first pushResult) error {
	err := e.afterPush(first)
	if err != ErrFull {
		return err
	}
	_, err = wait(ctx, &e.putters, ErrFull, func() (struct{}, error) {
		return struct{}{}, e.putUnconfirmed(v)
	}, func() (struct{}, error) {
		return struct{}{}, e.TryPut(v)
	})
	return err
}

// TryGet removes and returns the next item if there is one at once. It
// returns ErrShutDown if the queue is shut down and empty, else ErrEmpty when
// there is no item.
func (e *engine[T]) TryGet() (T, error) {
	v, ok := e.buf.pop()
	return e.tryGetAfter(v, ok)
}

// tryGetAfter is TryGet after its first pop, which returned v, ok.
func (e *engine[T]) tryGetAfter(v T, ok bool) (T, error) {
	for {
		if ok {
			e.putters.wakeOne()
			return v, nil
		}
		f := e.flags.Load()
		if f&flagClosed == 0 {
			return *new(T), ErrEmpty // empty at the pop: the queue was open
		}
		if f&flagBusy != 0 {
			e.awaitIdle()
			v, ok = e.buf.pop()
			continue
		}
		// Closed and no phase in progress: nothing can be pushed any more.
		// Pop again; if it fails and no phase began meanwhile, the queue
		// was closed and empty at that pop.
		if v, ok = e.buf.pop(); !ok && e.flags.Load() == f {
			return *new(T), ErrShutDown
		}
	}
}

// getAfter answers a Get (each implementation's, direct.go) after its
// first attempt, an unconfirmed pop that returned v, ok: it waits while
// the queue is empty, and answers ctx.Err() only once ctx has ended and a
// TryGet has failed.
func (e *engine[T]) getAfter(ctx context.Context, v T, ok bool) (T, error) {
	v, err := e.gotUnconfirmed(v, ok)
	if err != ErrEmpty {
		return v, err
	}
	return wait(ctx, &e.getters, ErrEmpty, e.getUnconfirmed, e.TryGet)
}

// spinTries is how many times a call that must wait yields the processor
// and tries again before it parks. On a busy queue the peer it waits for
// is most likely runnable: a yield costs less than a park and its wake-up
// (measured in cmd/bench's CPU time on 2 cores: about a sixth less per item
// for Ring at 4P4C).
const spinTries = 4

// wait calls try until it answers something other than again, yielding
// and retrying a few times (spinTries), then sleeping on q between calls.
// try may answer again wrongly (an unconfirmed attempt); confirm may not.
// wait sleeps only after confirm has failed with the waiter registered
// (the retry of the waitq protocol), and answers ctx.Err() only after
// confirm has failed once ctx ended. The context is consulted only when the
// call must wait. A waiter that leaves holding a wake-up it did not use
// passes it on, so that no wake-up is lost.
func wait[R any](ctx context.Context, q *waitq, again error, try, confirm func() (R, error)) (R, error) {
	var zero R
	for {
		if err := ctx.Err(); err != nil {
			if r, err := confirm(); err != again {
				return r, err
			}
			return zero, err
		}
		for range spinTries {
			runtime.Gosched()
			if r, err := try(); err != again {
				return r, err
			}
		}
		w := q.add()
		// Registered: confirm before sleeping. An unconfirmed failure
		// here could be a peer in flight on the slot in front while a
		// later slot is ready, and that slot's wake-up found no waiter:
		// the peer's own wake-up goes to one waiter only.
		if r, err := confirm(); err != again {
			if q.leave(w) {
				q.wakeOne() // woken, but served by our own retry: pass it on
			}
			return r, err
		}
		select {
		case <-w.ready:
			q.woke(w)
		case <-ctx.Done():
			woken := q.leave(w)
			// Use the wake-up, if any, when the call can still succeed;
			// else pass it on.
			if r, err := confirm(); err != again {
				return r, err
			}
			if woken {
				q.wakeOne()
			}
			return zero, ctx.Err()
		}
		if r, err := try(); err != again {
			return r, err
		}
	}
}
