package queue

import (
	"sync"
	"sync/atomic"
)

// A buffer is the storage of one implementation: the only part that differs
// between them. Every method must be linearizable on its own.
type buffer[T any] interface {
	// push appends v, or reports false if the buffer is full.
	push(v T) bool
	// pop removes and returns the next item, or reports false if there is
	// none.
	pop() (T, bool)
	// len returns the number of items.
	len() int
	// drain removes every item and makes every later pop report false, in
	// one step that is atomic with respect to pop, and returns the number
	// of items removed. It is called at most once, when no push is in
	// progress and none will ever start again.
	drain() int
}

// The tasks word: the unfinished-task count in the high bits, and in the low
// markBits the number of puts in flight (marked before their push, unmarked
// once the item is counted or the push has failed). A put in flight keeps
// TaskDone from answering ErrTaskDone before the put is counted, keeps Join
// from returning, and keeps a closing Shutdown waiting (the gate).
const (
	markBits = 24
	markMask = 1<<markBits - 1
	oneTask  = 1 << markBits
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
// buffer; the methods of [Queue] are the engine's.
//
// Linearization points. A successful put takes effect at its push, a
// successful get at its pop, a failed try (full, empty) at the buffer's
// failing attempt, TaskDone at its compare-and-swap, Join at the load that
// sees no unfinished task and no put in flight. Shutdown takes effect when
// its phase ends (busy clears; for an immediate shutdown, when the
// unfinished count is lowered): every put that passed the gate before the
// queue closed has pushed by then, every call that answers ErrShutDown waits
// for that moment, and while items are being drained every call that would
// see the difference (a get, Len) waits too.
//
// Progress. The engine adds no lock to the fast path: a put is two atomic
// additions on the tasks word around the buffer's push, a get is the
// buffer's pop, and both load the waiter counts. Three places wait for a
// put in flight instead (yielding with runtime.Gosched): a closing Shutdown
// (the gate), a TaskDone that finds no unfinished task while a put is in
// flight, and calls answering ErrShutDown or Len while a shutdown phase is
// in progress (they block until it ends).
//
// Limits. The tasks word keeps up to 2^24-1 puts in flight (one per
// goroutine at most) and up to 2^40-1 unfinished tasks; 2^40 puts that are
// never marked done wrap the count to zero.
type engine[T any] struct {
	tasks atomic.Uint64
	_     [56]byte // tasks is written by every put: keep it on its own line

	flags    atomic.Uint32
	capacity int
	buf      buffer[T]

	getters, putters, joiners waitq

	shutMu sync.Mutex                    // serializes Shutdown
	phase  atomic.Pointer[chan struct{}] // closed when the current phase ends
}

func (e *engine[T]) init(buf buffer[T], capacity int) {
	e.buf = buf
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
