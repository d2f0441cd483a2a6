package scenario

import (
	"context"
	"errors"
	"time"

	"github.com/pcqkit/pcq/queue"
	"github.com/pcqkit/pcq/stress/sched"
)

// A transfer queue's Put inserts its item, then waits until the item is
// taken or its context ends, and returns nil either way: correct, and a
// put in progress that has inserted already.
type transferQueue struct{ ch chan transferItem }

type transferItem struct {
	v     int
	taken chan struct{}
}

func newTransferQueue(capacity int) queue.Queue[int] {
	return &transferQueue{ch: make(chan transferItem, max(capacity, 1))}
}

func (q *transferQueue) Put(ctx context.Context, v int) error {
	it := transferItem{v, make(chan struct{})}
	select {
	case q.ch <- it:
	case <-ctx.Done():
		if err := q.TryPut(v); err != nil { // a put that can succeed at once does
			return ctx.Err()
		}
		return nil
	}
	select {
	case <-it.taken:
	case <-ctx.Done():
	}
	return nil
}

func (q *transferQueue) TryPut(v int) error {
	select {
	case q.ch <- transferItem{v, make(chan struct{})}:
		return nil
	default:
		return queue.ErrFull
	}
}

func (q *transferQueue) Get(ctx context.Context) (int, error) {
	select {
	case it := <-q.ch:
		close(it.taken)
		return it.v, nil
	case <-ctx.Done():
		return q.TryGet()
	}
}

func (q *transferQueue) TryGet() (int, error) {
	select {
	case it := <-q.ch:
		close(it.taken)
		return it.v, nil
	default:
		return 0, queue.ErrEmpty
	}
}

func (q *transferQueue) TaskDone() error            { return errors.ErrUnsupported }
func (q *transferQueue) Join(context.Context) error { return errors.ErrUnsupported }
func (q *transferQueue) Shutdown(bool) error        { return errors.ErrUnsupported }
func (q *transferQueue) Len() int                   { return len(q.ch) }
func (q *transferQueue) Cap() int                   { return cap(q.ch) }

// A polling queue's Get tries, then sleeps a millisecond, until it gets an
// item or its context ends; its TryGet waits for ever at a scheduling
// point, so that a run under the controlled scheduler fails after its
// clients, in the drain, with a deadlock (the scheduler then unwinds it).
type pollingQueue struct{ ch chan int }

func newPollingQueue(int) queue.Queue[int] { return &pollingQueue{ch: make(chan int, 16)} }

func (q *pollingQueue) Put(_ context.Context, v int) error { q.ch <- v; return nil }
func (q *pollingQueue) TryPut(v int) error                 { q.ch <- v; return nil }

func (q *pollingQueue) Get(ctx context.Context) (int, error) {
	for {
		select {
		case v := <-q.ch:
			return v, nil
		default:
		}
		select {
		case <-time.After(time.Millisecond):
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}

func (q *pollingQueue) TryGet() (int, error) {
	sched.Await("never", nil, func() bool { return false })
	return 0, queue.ErrEmpty
}
func (q *pollingQueue) TaskDone() error            { return errors.ErrUnsupported }
func (q *pollingQueue) Join(context.Context) error { return errors.ErrUnsupported }
func (q *pollingQueue) Shutdown(bool) error        { return errors.ErrUnsupported }
func (q *pollingQueue) Len() int                   { return len(q.ch) }
func (q *pollingQueue) Cap() int                   { return 0 }
