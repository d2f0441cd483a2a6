// Package queue provides thread-safe producer-consumer queues with the
// semantics of Python 3.13's queue.Queue, in Go idiom.
//
// Every implementation satisfies [Queue]: blocking Put and Get that take a
// context, non-blocking TryPut and TryGet, task accounting with TaskDone and
// Join, and Shutdown. The implementations differ in algorithm, never in
// semantics: task accounting, shutdown and blocking are written once and
// shared by all of them.
package queue

import (
	"context"
	"errors"
)

// Queue is a thread-safe queue of items of type T with the semantics of
// Python 3.13's queue.Queue.
//
// A blocking call whose context ends returns ctx.Err() and has had no
// effect. Calls that could succeed at once succeed even when their context
// is already done (Python's get(timeout=0) semantics): the context is
// consulted only when the call would have to wait.
type Queue[T any] interface {
	// Put appends v, waiting while the queue is full. It returns
	// ErrShutDown once the queue is shut down (checked before fullness).
	Put(ctx context.Context, v T) error
	// TryPut appends v if there is room at once, else returns ErrFull.
	TryPut(v T) error
	// Get removes and returns the next item, waiting while the queue is
	// empty. It returns ErrShutDown when the queue is shut down and empty.
	Get(ctx context.Context) (T, error)
	// TryGet removes and returns the next item if there is one at once,
	// else returns ErrEmpty (or ErrShutDown when shut down and empty).
	TryGet() (T, error)
	// TaskDone marks one item put as processed. It returns ErrTaskDone
	// when called more times than items were put.
	TaskDone() error
	// Join waits until every item put has been marked done with TaskDone.
	Join(ctx context.Context) error
	// Shutdown stops the queue: further puts fail with ErrShutDown and
	// blocked callers wake. With immediate, queued items are discarded
	// and the unfinished-task count is lowered by the number discarded.
	Shutdown(immediate bool) error
	// Len returns the number of queued items (negative: unknown).
	Len() int
	// Cap returns the capacity; 0 means unbounded.
	Cap() int
}

var (
	// ErrEmpty is returned by TryGet when the queue has no item.
	ErrEmpty = errors.New("queue: empty")
	// ErrFull is returned by TryPut when the queue has no room.
	ErrFull = errors.New("queue: full")
	// ErrShutDown is returned by puts after Shutdown, and by gets after
	// Shutdown once the queue is empty.
	ErrShutDown = errors.New("queue: shut down")
	// ErrTaskDone is returned by TaskDone when called more times than
	// items were put.
	ErrTaskDone = errors.New("queue: task_done() called too many times")
)
