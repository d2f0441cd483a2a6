package adapters

import (
	"context"
	"errors"
	"time"

	wq "github.com/Workiva/go-datastructures/queue"
	"github.com/pcqkit/pcq/queue"
)

const workivaQueueName = "workiva-queue"

func workivaQueueLibrary() Library {
	return Library{
		Name:     workivaQueueName,
		Packages: []string{"github.com/Workiva/go-datastructures/queue"},
		Module:   "github.com/Workiva/go-datastructures",
		Version:  "v1.1.7",
		Type:     "unbounded blocking queue (mutex + waiter semaphores), queue.Queue",
		Notes: "TryPut/Put=Put; TryGet=TakeUntil accepting exactly one item (non-blocking, under the library's lock); " +
			"Get=Get(1) when ctx cannot end, else Poll(1, 2ms) in a loop; Shutdown(immediate)=Dispose, Shutdown(false) unsupported",
		New: func(int) queue.Queue[int] { return NewWorkivaQueue() },
	}
}

// WorkivaQueue adapts go-datastructures' Queue, an unbounded queue whose
// Get waits on a per-waiter semaphore. TryGet uses TakeUntil with a checker
// that accepts the first item only: the library's one non-blocking removal.
type WorkivaQueue struct {
	noTasks
	q *wq.Queue
}

// NewWorkivaQueue returns an empty unbounded queue.
func NewWorkivaQueue() *WorkivaQueue { return &WorkivaQueue{q: wq.New(8)} }

// Put appends v (the queue is unbounded; ctx is not needed).
func (q *WorkivaQueue) Put(_ context.Context, v int) error { return q.TryPut(v) }

// TryPut appends v.
func (q *WorkivaQueue) TryPut(v int) error { return workivaErr(q.q.Put(v)) }

// Get removes the next item: Get(1) when ctx cannot end, else Poll(1) with
// a short timeout, repeated until ctx ends.
func (q *WorkivaQueue) Get(ctx context.Context) (int, error) {
	for {
		var timeout time.Duration // 0: wait forever
		if !cannotCancel(ctx) {
			timeout = workivaPollSlice
		}
		items, err := q.q.Poll(1, timeout)
		switch {
		case err == nil:
			return q.one(items)
		case !errors.Is(err, wq.ErrTimeout):
			return 0, workivaErr(err)
		case ctx.Err() != nil:
			return 0, ctx.Err()
		}
	}
}

// TryGet removes the first item if there is one, with TakeUntil.
func (q *WorkivaQueue) TryGet() (int, error) {
	taken := false
	items, err := q.q.TakeUntil(func(any) bool {
		ok := !taken
		taken = true
		return ok
	})
	if err != nil {
		return 0, workivaErr(err)
	}
	if len(items) == 0 {
		return 0, queue.ErrEmpty
	}
	return q.one(items)
}

// one checks that the library returned exactly one item.
func (q *WorkivaQueue) one(items []any) (int, error) {
	if len(items) != 1 {
		return 0, wrap(workivaQueueName, errors.New("asked for 1 item, got "+itoa(len(items))))
	}
	return asInt(workivaQueueName, items[0])
}

// Shutdown(true) is Dispose: queued items are dropped, waiters wake with
// an error, puts and gets fail from then on.
func (q *WorkivaQueue) Shutdown(immediate bool) error {
	if !immediate {
		return errors.ErrUnsupported
	}
	q.q.Dispose()
	return nil
}

// Len is the library's Len.
func (q *WorkivaQueue) Len() int { return int(q.q.Len()) }

// Cap is 0: unbounded.
func (q *WorkivaQueue) Cap() int { return 0 }
