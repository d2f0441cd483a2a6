package queue

// An unconfirmedBuffer is a buffer that can also attempt a push or a pop
// without confirming its failure. Ring's and Linked's push and pop confirm
// "full" and "empty" against the other end's counter, and wait for a peer
// that has claimed the slot they need but not yet released it; the
// unconfirmed attempts answer at once instead, and may answer "full" or
// "empty" when the buffer is neither. Put and Get use them to try and to
// retry while they spin, and confirm (TryPut, TryGet) before they sleep: a
// wrong failure costs a retry. Sleeping on one would lose a wake-up: with
// a push in flight on the slot in front and a later slot already filled
// (its wake-up found no waiter), two getters could sleep, and the push in
// flight, once done, wakes only one of them.
//
// The confirming read is what kept Ring behind the fastest Go rings: a
// consumer that reads the tail to confirm "empty" takes the tail's cache
// line from the producer each time.
type unconfirmedBuffer[T any] interface {
	// pushUnconfirmed is push, except that it may report pushFull while
	// the buffer is not full.
	pushUnconfirmed(v T) pushResult
	// popUnconfirmed is pop, except that it may report false while the
	// buffer holds an item.
	popUnconfirmed() (T, bool)
}

// confirmedOnly gives a buffer whose every failure is confirmed already
// (a locked buffer, a channel) the unconfirmed attempts: its own.
type confirmedOnly[T any] struct{ buffer[T] }

func (c confirmedOnly[T]) pushUnconfirmed(v T) pushResult { return c.push(v) }

func (c confirmedOnly[T]) popUnconfirmed() (T, bool) { return c.pop() }

// unconfirmedOf returns buf's unconfirmed attempts.
func unconfirmedOf[T any](buf buffer[T]) unconfirmedBuffer[T] {
	if u, ok := buf.(unconfirmedBuffer[T]); ok {
		return u
	}
	return confirmedOnly[T]{buf}
}

// putUnconfirmed is TryPut with an unconfirmed attempt: it may answer
// ErrFull while the queue is not full.
func (e *engine[T]) putUnconfirmed(v T) error {
	return e.afterPush(e.unconfirmed.pushUnconfirmed(v))
}

// getUnconfirmed is TryGet with an unconfirmed attempt: it may answer
// ErrEmpty while the queue holds an item.
func (e *engine[T]) getUnconfirmed() (T, error) {
	return e.gotUnconfirmed(e.unconfirmed.popUnconfirmed())
}

// gotUnconfirmed answers getUnconfirmed after its pop returned v, ok. Once
// the queue is closed it is TryGet, whose answer ErrShutDown must be
// confirmed.
func (e *engine[T]) gotUnconfirmed(v T, ok bool) (T, error) {
	if ok {
		e.putters.wakeOne()
		return v, nil
	}
	if e.flags.Load()&flagClosed != 0 {
		return e.TryGet()
	}
	return *new(T), ErrEmpty
}
