package scenario

import (
	"context"
	"errors"
	"testing"

	"github.com/pcqkit/pcq/queue"
)

// selectQueue is a correct queue on a channel whose Get and Put select on
// the channel and ctx.Done (the runtime picks at random when both are
// ready), without TryGet.
type selectQueue struct{ ch chan int }

func (q selectQueue) Put(ctx context.Context, v int) error {
	select {
	case q.ch <- v:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
func (q selectQueue) TryPut(v int) error {
	select {
	case q.ch <- v:
		return nil
	default:
		return queue.ErrFull
	}
}
func (q selectQueue) Get(ctx context.Context) (int, error) {
	select {
	case v := <-q.ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}
func (q selectQueue) TryGet() (int, error)           { return 0, errors.ErrUnsupported }
func (q selectQueue) TaskDone() error                { return errors.ErrUnsupported }
func (q selectQueue) Join(ctx context.Context) error { return errors.ErrUnsupported }
func (q selectQueue) Shutdown(bool) error            { return errors.ErrUnsupported }
func (q selectQueue) Len() int                       { return len(q.ch) }
func (q selectQueue) Cap() int                       { return cap(q.ch) }

// TestSupportProbeTakesBackWithALiveContext: asking whether a queue without
// TryGet has Put (capacity 2, below the wake-up probe's getters, and no
// client called Put) puts an item and takes it back with Get; with a done
// context that Get may answer ctx.Err() although the item is there, a
// false conservation alarm in about 1 run of 4.
func TestSupportProbeTakesBackWithALiveContext(t *testing.T) {
	s, err := ParseText("c2=try_put.get~")
	if err != nil {
		t.Fatal(err)
	}
	fails := 0
	for range 40 {
		o := Run(context.Background(), func(c int) queue.Queue[int] { return selectQueue{make(chan int, c)} }, s, Options{})
		if o.Check != "" {
			fails++
			if fails == 1 {
				t.Logf("%v: %s", o.Check, o.Explanation)
			}
		}
	}
	if fails > 0 {
		t.Fatalf("%d of 40 runs of a correct queue failed", fails)
	}
}
