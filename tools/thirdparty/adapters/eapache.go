package adapters

import (
	"context"
	"fmt"

	equeue "github.com/eapache/queue"
	"github.com/pcqkit/pcq/queue"
)

const eapacheName = "eapache-queue-naive"

func eapacheLibrary() Library {
	return Library{
		Name:     eapacheName,
		Packages: []string{"github.com/eapache/queue"},
		Module:   "github.com/eapache/queue",
		Version:  "v1.1.0",
		Type:     "ring-buffer queue, NOT thread-safe by design, wrapped naively (no lock)",
		Notes: "the library says it is fast 'in part because it is not thread-safe'; this adapter is the careless user's: " +
			"TryPut/Put=Add; TryGet=Length check then Remove; Get polls it; a panic inside the library is returned as an error. " +
			"It is here to show that the concurrent harnesses catch a queue that is not thread-safe.",
		New:           func(int) queue.Queue[int] { return NewEapacheNaive() },
		NotThreadSafe: true,
	}
}

// EapacheNaive wraps eapache/queue, which is not thread-safe, without a
// lock: sequentially it is a correct unbounded FIFO, concurrently it is not.
// A panic in the library (Remove on a queue that another goroutine emptied)
// is turned into an error so that it reaches the harness as a result.
type EapacheNaive struct {
	noTasks
	q *equeue.Queue
}

// NewEapacheNaive returns an empty queue.
func NewEapacheNaive() *EapacheNaive { return &EapacheNaive{q: equeue.New()} }

// recovered turns a library panic into an error.
func recovered(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("adapters: %s: panic: %v", eapacheName, r)
	}
}

// Put is Add (the queue is unbounded).
func (q *EapacheNaive) Put(_ context.Context, v int) error { return q.TryPut(v) }

// TryPut is Add.
func (q *EapacheNaive) TryPut(v int) (err error) {
	defer recovered(&err)
	q.q.Add(v)
	return nil
}

// Get polls TryGet with a backoff.
func (q *EapacheNaive) Get(ctx context.Context) (int, error) {
	return poll(ctx, queue.ErrEmpty, q.TryGet)
}

// TryGet is Remove if Length is not zero.
func (q *EapacheNaive) TryGet() (v int, err error) {
	defer recovered(&err)
	if q.q.Length() == 0 {
		return 0, queue.ErrEmpty
	}
	return asInt(eapacheName, q.q.Remove())
}

// Len is Length.
func (q *EapacheNaive) Len() (n int) {
	defer func() {
		if recover() != nil {
			n = -1
		}
	}()
	return q.q.Length()
}

// Cap is 0: unbounded.
func (q *EapacheNaive) Cap() int { return 0 }
