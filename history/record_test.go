package history

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"

	"github.com/pcqkit/pcq/internal/testseed"
)

// runAll runs every operation once on a client of a recorder over q and
// returns the recorder.
func runAll(q queue.Queue[int]) *Recorder {
	rec := NewRecorder(q)
	c := rec.Client()
	ctx := context.Background()
	_ = c.Put(ctx, 1)
	_ = c.TryPut(2)
	_, _ = c.Get(ctx)
	_, _ = c.TryGet()
	_ = c.Len()
	_ = c.TaskDone()
	_ = c.Join(ctx)
	_ = c.Shutdown(true)
	return rec
}

// TestRecorderResults checks the result recorded for each error of each
// operation, and that an error the contract does not allow is unknown.
func TestRecorderResults(t *testing.T) {
	const (
		O = models.OK
		F = models.Full
		E = models.Empty
		S = models.Closed
		C = models.Canceled
		X = models.Error
		U = models.Unknown
	)
	ctxErr := fmt.Errorf("waiting: %w", context.DeadlineExceeded)
	for _, tc := range []struct {
		err  error
		want [8]models.Result // put, try_put, get, try_get, len, task_done, join, shutdown
	}{
		{nil, [8]models.Result{O, O, O, O, O, O, O, O}},
		{queue.ErrFull, [8]models.Result{U, F, U, U, O, U, U, U}},
		{queue.ErrEmpty, [8]models.Result{U, U, U, E, O, U, U, U}},
		{queue.ErrShutDown, [8]models.Result{S, S, S, S, O, U, U, U}},
		{queue.ErrTaskDone, [8]models.Result{U, U, U, U, O, X, U, U}},
		{context.Canceled, [8]models.Result{C, U, C, U, O, U, C, U}},
		{ctxErr, [8]models.Result{C, U, C, U, O, U, C, U}},
		{io.EOF, [8]models.Result{U, U, U, U, O, U, U, U}},
	} {
		rec := runAll(&stubQueue{err: tc.err, v: 5, n: 2})
		h := rec.History(models.FIFO, 3)
		if len(h.Operations) != 8 {
			t.Fatalf("%v: %d operations recorded, want 8", tc.err, len(h.Operations))
		}
		unknowns := 0
		for i, op := range h.Operations {
			if op.Input.Op != models.Op(i) || op.Output.Result != tc.want[i] {
				t.Errorf("%v: operation %d is %v %v, want %v %v", tc.err, i, op.Input.Op, op.Output.Result, models.Op(i), tc.want[i])
			}
			if op.Client != unknowns {
				t.Errorf("%v: operation %d has client %d, want %d (a fresh id after each unknown)", tc.err, i, op.Client, unknowns)
			}
			if op.Output.Result == U {
				unknowns++
			}
		}
		if len(rec.Errors()) != unknowns {
			t.Errorf("%v: %d errors reported for %d unknown results: %v", tc.err, len(rec.Errors()), unknowns, rec.Errors())
		}
		if err := Validate(h); err != nil {
			t.Errorf("%v: recorded history invalid: %v", tc.err, err)
		}
	}
}

func TestRecorderValues(t *testing.T) {
	rec := runAll(&stubQueue{v: 5, n: 2})
	ops := rec.History(models.FIFO, 0).Operations
	if ops[0].Input.Value != 1 || ops[1].Input.Value != 2 || ops[2].Output.Value != 5 ||
		ops[3].Output.Value != 5 || ops[4].Output.Value != 2 || !ops[7].Input.Immediate {
		t.Fatalf("values not recorded: %+v", ops)
	}
	for i, op := range ops {
		if op.Call > op.Return || (i > 0 && op.Call < ops[i-1].Return) {
			t.Fatalf("operation %d: times out of order: %+v", i, ops)
		}
	}
	if !reflect.DeepEqual(rec.Unsupported(), map[models.Op]int{}) {
		t.Fatalf("unsupported: %v", rec.Unsupported())
	}
}

func TestRecorderUnsupported(t *testing.T) {
	rec := runAll(&stubQueue{err: fmt.Errorf("no: %w", errors.ErrUnsupported), n: -1})
	if h := rec.History(models.FIFO, 0); len(h.Operations) != 0 {
		t.Fatalf("unsupported operations recorded: %+v", h.Operations)
	}
	want := map[models.Op]int{}
	for o := models.Put; o <= models.Shutdown; o++ {
		want[o] = 1
	}
	if got := rec.Unsupported(); !reflect.DeepEqual(got, want) {
		t.Fatalf("unsupported: got %v, want %v", got, want)
	}
	if len(rec.Errors()) != 0 {
		t.Fatalf("errors: %v", rec.Errors())
	}
}

// TestRecorderIDsAfterUnknown checks that ids after an unknown result are
// fresh and come after every registered client's.
func TestRecorderIDsAfterUnknown(t *testing.T) {
	q := &stubQueue{}
	rec := NewRecorder(q)
	a, b := rec.Client(), rec.Client()
	_ = a.TryPut(1)
	q.err = io.ErrUnexpectedEOF
	_ = a.TryPut(2) // unknown: a goes on as client 2
	q.err = nil
	_ = a.TryPut(3)
	_ = b.TryPut(4)
	var got []int
	for _, op := range rec.History(models.FIFO, 0).Operations {
		got = append(got, op.Client)
	}
	if want := []int{0, 0, 2, 1}; !reflect.DeepEqual(got, want) {
		t.Fatalf("client ids %v, want %v", got, want)
	}
}

func TestNextValue(t *testing.T) {
	rec := NewRecorder(&stubQueue{})
	a, b := rec.Client(), rec.Client()
	if a.NextValue() != 1 || a.NextValue() != 2 || b.NextValue() != valueStride+1 {
		t.Fatal("NextValue: unexpected values")
	}
	a.seq = valueStride - 1
	defer func() {
		if recover() == nil {
			t.Fatal("no panic after valueStride values")
		}
	}()
	a.NextValue()
}

// TestRecorderConcurrent records a random mix of operations of several
// goroutines on a correct queue and checks that the history is valid.
func TestRecorderConcurrent(t *testing.T) {
	seed := testseed.Get(t)
	h, rec := recordRandom(seed, newSliceQueue(3), 4, 300)
	if err := Validate(h); err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	if len(h.Operations) != 4*300 || len(rec.Errors()) != 0 {
		t.Fatalf("seed %d: %d operations, errors %v", seed, len(h.Operations), rec.Errors())
	}
}

// recordRandom runs clients goroutines of n random operations each on q.
func recordRandom(seed uint64, q queue.Queue[int], clients, n int) (History, *Recorder) {
	rec := NewRecorder(q)
	var wg sync.WaitGroup
	for i := range clients {
		c := rec.Client()
		r := rand.New(rand.NewPCG(seed, uint64(i)))
		wg.Go(func() {
			for range n {
				ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
				switch r.IntN(6) {
				case 0:
					_ = c.Put(ctx, c.NextValue())
				case 1:
					_ = c.TryPut(c.NextValue())
				case 2:
					_, _ = c.Get(ctx)
				case 3:
					_, _ = c.TryGet()
				case 4:
					_ = c.Len()
				case 5:
					_ = c.TaskDone()
				}
				cancel()
			}
		})
	}
	wg.Wait()
	return rec.History(models.FIFO, q.Cap()), rec
}

// ExampleRecorder records a producer and a consumer and writes the history.
func ExampleRecorder() {
	rec := NewRecorder(newSliceQueue(2))
	producer, consumer := rec.Client(), rec.Client()
	var wg sync.WaitGroup
	wg.Go(func() {
		for range 3 {
			_ = producer.Put(context.Background(), producer.NextValue())
		}
	})
	wg.Go(func() {
		for range 3 {
			v, _ := consumer.Get(context.Background())
			fmt.Println("got", v)
		}
	})
	wg.Wait()
	h := rec.History(models.FIFO, 2)
	fmt.Println(len(h.Operations), "operations, valid:", Validate(h) == nil)
	// Output:
	// got 1
	// got 2
	// got 3
	// 6 operations, valid: true
}
