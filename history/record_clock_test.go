package history

import (
	"context"
	"reflect"
	"testing"

	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// TestRecorderWithClock checks that an injected clock stamps each
// operation exactly: one read before the call, one after the return.
func TestRecorderWithClock(t *testing.T) {
	var step int64
	tick := func() int64 { step += 10; return step }
	rec := NewRecorder(queue.NewLocked[int](1), WithClock(tick))
	a, b := rec.Client(), rec.Client()
	if err := a.Put(context.Background(), 7); err != nil {
		t.Fatal(err)
	}
	if err := b.TryPut(8); err == nil {
		t.Fatal("try_put on a full queue of capacity 1 succeeded")
	}
	if v, err := b.TryGet(); err != nil || v != 7 {
		t.Fatalf("try_get: %d, %v; want 7", v, err)
	}
	h := rec.History(models.FIFO, 1)
	want := []Operation{
		{Client: 0, Input: models.Input{Op: models.Put, Value: 7}, Output: models.Output{Result: models.OK}, Call: 10, Return: 20},
		{Client: 1, Input: models.Input{Op: models.TryPut, Value: 8}, Output: models.Output{Result: models.Full}, Call: 30, Return: 40},
		{Client: 1, Input: models.Input{Op: models.TryGet}, Output: models.Output{Result: models.OK, Value: 7}, Call: 50, Return: 60},
	}
	if !reflect.DeepEqual(h.Operations, want) {
		t.Fatalf("operations:\n got %+v\nwant %+v", h.Operations, want)
	}
	if step != 60 {
		t.Fatalf("the clock was read up to %d, want 60 (two reads per operation)", step)
	}
}

// TestRecorderDefaultClock checks that without WithClock the recorder
// keeps the monotonic clock: times in nanoseconds since its creation,
// each return no earlier than its call.
func TestRecorderDefaultClock(t *testing.T) {
	rec := NewRecorder(queue.NewLocked[int](0))
	c := rec.Client()
	for v := range 3 {
		if err := c.Put(context.Background(), v); err != nil {
			t.Fatal(err)
		}
	}
	var last int64
	for _, op := range rec.History(models.FIFO, 0).Operations {
		if op.Call < last || op.Return < op.Call {
			t.Fatalf("times go backwards: %+v after %d", op, last)
		}
		last = op.Return
	}
}
