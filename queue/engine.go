package queue

import (
	"sync"
	"sync/atomic"
)

// A buffer is the storage of one implementation: the only part that differs
// between them. Every method must be linearizable on its own.
//
// A buffer counts its own pushes and closes itself, so that a put pays for
// task accounting and for shutdown with nothing beyond the buffer's own
// synchronization: a ring's tail is its push count and carries its closed
// bit, a list's last node knows its position and a closed list ends in a
// marker node, a locked buffer counts and checks under its lock.
type buffer[T any] interface {
	// push appends v; it reports pushClosed once close has taken effect
	// (checked before fullness), else pushFull if the buffer is full.
	push(v T) pushResult
	// pop removes and returns the next item, or reports false if there is
	// none.
	pop() (T, bool)
	// len returns the number of items.
	len() int
	// pushes returns the number of successful pushes so far. settled is
	// false while a push is in progress whose outcome the count does not
	// show yet (only Chan has such a window); the count is then a lower
	// bound.
	pushes() (n uint64, settled bool)
	// close makes every later push report pushClosed, in one step that is
	// atomic with respect to push. It is called at most once.
	close()
	// drain removes every item and makes every later pop report false, in
	// one step that is atomic with respect to pop, and returns the number
	// of items removed. It is called at most once, after close.
	drain() int
}

// pushResult is what a buffer's push did.
type pushResult uint8

const (
	pushed pushResult = iota
	pushFull
	pushClosed
)

// The flags word: closed and drained never clear; busy is set while a
// shutdown phase (closing, draining) is in progress.
const (
	flagClosed uint32 = 1 << iota
	flagDrained
	flagBusy
)

// engine holds everything that is the same in every implementation: task
// accounting, shutdown, and blocking. Implementations embed it and give it a
// buffer; the methods of [Queue] are the engine's, but for the first
// attempt of Put, TryPut, Get and TryGet, which each implementation makes
// on its buffer directly (direct.go) before handing over to the engine.
//
// Task accounting. The unfinished-task count is the buffer's push count
// minus done, where done counts the tasks marked done with TaskDone and
// those discarded by an immediate Shutdown. done is written only by
// TaskDone and Shutdown, on a cache line of its own: a put writes nothing
// but its buffer.
//
// Linearization points. A successful put takes effect at its push, a
// successful get at its pop, a failed try (full, empty) at the buffer's
// failing attempt, TaskDone at its compare-and-swap on done (or, answering
// ErrTaskDone, at its load of the push count), Join at the load of the push
// count that equals done. Shutdown takes effect when its phase ends (busy
// clears; for an immediate shutdown, when done has been raised by the
// number discarded): the buffer is closed in one step inside that phase,
// every call that answers ErrShutDown waits for the phase to end, and while
// items are being drained every call that would see the difference (a get,
// Len) waits too.
//
// Progress. The engine adds no lock and no write to the fast path: a put
// is the buffer's push and a load of the getters' waiter count, a get the
// buffer's pop and a load of the putters' waiter count. Put and Get use the
// buffer's unconfirmed attempts (see [unconfirmedBuffer]). A call that must
// wait yields and retries a few times before it parks. Calls answering
// ErrShutDown or Len wait while a shutdown phase is in progress, and on a
// Chan a TaskDone that finds no unfinished task while a push is in progress
// yields until it is counted or has failed.
type engine[T any] struct {
	// Read by every operation, written only by Shutdown.
	buf         buffer[T]
	unconfirmed unconfirmedBuffer[T] // buf's unconfirmed attempts
	flags       atomic.Uint32
	capacity    int
	_           [16]byte

	done atomic.Uint64 // tasks marked done or discarded
	_    [56]byte

	getters waitq
	putters waitq
	joiners waitq

	shutMu sync.Mutex                    // serializes Shutdown
	phase  atomic.Pointer[chan struct{}] // closed when the current phase ends
	_      [16]byte                      // to 256 bytes: the buffer does not share the joiners' line
}

func (e *engine[T]) init(buf buffer[T], capacity int) {
	e.buf = buf
	e.unconfirmed = unconfirmedOf(buf)
	e.capacity = max(capacity, 0)
}

// Cap returns the capacity; 0 means unbounded.
func (e *engine[T]) Cap() int { return e.capacity }

// Len returns the number of queued items. It is linearizable: it waits while
// a shutdown phase is in progress, and retries if one began while it read.
func (e *engine[T]) Len() int {
	for {
		f := e.flags.Load()
		if f&flagBusy != 0 {
			e.awaitIdle()
			continue
		}
		n := e.buf.len()
		if e.flags.Load() == f {
			return n
		}
	}
}

// awaitIdle waits until no shutdown phase is in progress.
func (e *engine[T]) awaitIdle() {
	for e.flags.Load()&flagBusy != 0 {
		<-*e.phase.Load()
	}
}
