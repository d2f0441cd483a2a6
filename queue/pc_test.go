package queue

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/pcqkit/pcq/internal/testseed"
)

// pcCase is one producer/consumer run over a sliceQueue, or over the
// queue that newQueue returns when it is set.
type pcCase struct {
	producers, consumers, items, capacity int
	lifo, sentinel                        bool
	newQueue                              func(capacity int) Queue[int]
}

func (c pcCase) String() string {
	end := "shutdown"
	if c.sentinel {
		end = "sentinel"
	}
	return fmt.Sprintf("%dP%dC/items=%d/cap=%d/lifo=%v/%s",
		c.producers, c.consumers, c.items, c.capacity, c.lifo, end)
}

// run runs the case; every producer puts items distinct non-negative
// values, the sentinel is -1. It returns the number of times each value
// was consumed, the queue, and Run's error.
func (c pcCase) run(ctx context.Context) ([]int32, Queue[int], error) {
	var q Queue[int]
	if c.newQueue != nil {
		q = c.newQueue(c.capacity)
	} else {
		sq := newSliceQueue[int](c.capacity)
		sq.lifo = c.lifo
		q = sq
	}
	seen := make([]int32, c.producers*c.items)
	p := &Pipeline[int]{
		Queue:     q,
		Producers: c.producers,
		Produce: func(ctx context.Context, id int, put func(int) error) error {
			for i := range c.items {
				if err := put(id*c.items + i); err != nil {
					return err
				}
			}
			return nil
		},
		Consumers: c.consumers,
		Consume: func(ctx context.Context, _ int, v int) error {
			if v < 0 {
				return fmt.Errorf("consumed the sentinel")
			}
			atomic.AddInt32(&seen[v], 1)
			return nil
		},
	}
	if c.sentinel {
		p.Sentinel = -1
		p.IsSentinel = func(v int) bool { return v < 0 }
	}
	err := p.Run(ctx)
	return seen, q, err
}

// check asserts a successful run: every item consumed once, every task
// done, and the queue left as the ending promises (sentinel: open, so a
// TryPut succeeds; shutdown: shut down). name prefixes every failure
// message (the case, and the seed if any).
func (c pcCase) check(t *testing.T, name string, err error, seen []int32, q Queue[int]) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: Run = %v, want nil", name, err)
	}
	for v, n := range seen {
		if n != 1 {
			t.Fatalf("%s: item %d consumed %d times, want 1", name, v, n)
		}
	}
	if n := q.Len(); n != 0 {
		t.Fatalf("%s: %d items left queued (sentinels not taken?)", name, n)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := q.Join(ctx); err != nil {
		t.Fatalf("%s: Join after Run = %v: tasks left unfinished", name, err)
	}
	want := ErrShutDown
	if c.sentinel {
		want = nil
	}
	if err := q.TryPut(0); err != want {
		t.Fatalf("%s: TryPut after Run = %v, want %v", name, err, want)
	}
}

func TestPipelineEndings(t *testing.T) {
	defer goleak.VerifyNone(t)
	cases := []pcCase{
		{producers: 1, consumers: 1, items: 100, capacity: 0},
		{producers: 4, consumers: 4, items: 250, capacity: 8},
		{producers: 3, consumers: 5, items: 200, capacity: 1},
		{producers: 0, consumers: 3, items: 0, capacity: 2},
		{producers: 16, consumers: 2, items: 50, capacity: 4, lifo: true},
	}
	for _, c := range cases {
		for _, sentinel := range []bool{false, true} {
			c.sentinel = sentinel
			t.Run(c.String(), func(t *testing.T) {
				seen, q, err := c.run(t.Context())
				c.check(t, c.String(), err, seen, q)
			})
		}
	}
}

// TestPipelineRandom runs random shapes; a failure prints the seed.
func TestPipelineRandom(t *testing.T) {
	defer goleak.VerifyNone(t)
	seed := testseed.Get(t)
	r := rand.New(rand.NewPCG(seed, 0))
	for range 30 {
		c := pcCase{
			producers: r.IntN(6), consumers: 1 + r.IntN(6), items: r.IntN(200),
			capacity: r.IntN(5) - 1, lifo: r.IntN(2) == 0, sentinel: r.IntN(2) == 0,
		}
		seen, q, err := c.run(t.Context())
		c.check(t, fmt.Sprintf("seed %d: %v", seed, c), err, seen, q)
	}
}

var errBoom = errors.New("boom")

func TestPipelineProducerErrorCancelsAll(t *testing.T) {
	defer goleak.VerifyNone(t)
	q := newSliceQueue[int](2)
	var consumed atomic.Int32
	p := &Pipeline[int]{
		Queue:     q,
		Producers: 3,
		Produce: func(ctx context.Context, id int, put func(int) error) error {
			if id == 0 {
				return errBoom
			}
			for i := 0; ; i++ { // puts until cancellation: blocks on the full queue
				if err := put(i); err != nil {
					return err
				}
			}
		},
		Consumers: 2,
		Consume: func(ctx context.Context, _ int, _ int) error {
			consumed.Add(1)
			<-ctx.Done() // a slow consumer: holds its item until canceled
			return ctx.Err()
		},
	}
	if err := p.Run(t.Context()); err != errBoom {
		t.Fatalf("Run = %v, want %v", err, errBoom)
	}
	if got, want := q.unfinishedTasks(), q.Len(); got != want {
		t.Fatalf("unfinished tasks %d, want %d (queued items; the consumed ones are done)", got, want)
	}
	if q.isShut() {
		t.Fatal("a failed Run shut the queue down")
	}
}

func TestPipelineConsumerErrorMidStream(t *testing.T) {
	defer goleak.VerifyNone(t)
	q := newSliceQueue[int](1)
	var after atomic.Int32
	p := &Pipeline[int]{
		Queue:     q,
		Producers: 2,
		Produce: func(ctx context.Context, id int, put func(int) error) error {
			for i := range 1000 {
				if err := put(id*1000 + i); err != nil {
					return err
				}
			}
			return nil
		},
		Consumers: 3,
		Consume: func(ctx context.Context, _ int, v int) error {
			if v == 5 {
				return errBoom
			}
			if ctx.Err() != nil {
				after.Add(1)
			}
			return nil
		},
		Sentinel:   -1,
		IsSentinel: func(v int) bool { return v < 0 },
	}
	if err := p.Run(t.Context()); err != errBoom {
		t.Fatalf("Run = %v, want %v", err, errBoom)
	}
	// Each consumer checks the context before each get: at most the
	// items already in hand when the error struck are consumed after it.
	if n := after.Load(); n > 2 {
		t.Fatalf("%d items consumed after the failure, want at most 2", n)
	}
	if got, want := q.unfinishedTasks(), q.Len(); got != want {
		t.Fatalf("unfinished tasks %d, want %d: the failed item must be marked done", got, want)
	}
}

func TestPipelineParentCanceled(t *testing.T) {
	defer goleak.VerifyNone(t)
	ctx, cancel := context.WithCancel(t.Context())
	q := newSliceQueue[int](1)
	p := &Pipeline[int]{
		Queue:     q,
		Producers: 2,
		Produce: func(ctx context.Context, _ int, put func(int) error) error {
			for {
				if err := put(1); err != nil {
					return err
				}
			}
		},
		Consumers: 2,
		Consume: func(ctx context.Context, _ int, _ int) error {
			cancel()
			return nil
		},
	}
	if err := p.Run(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v, want context.Canceled", err)
	}
}

// failingGets is a queue whose consumers die at once: Get fails.
type failingGets struct{ *sliceQueue[int] }

func (failingGets) Get(context.Context) (int, error) { return 0, errBoom }

// TestPipelineSentinelOnFullQueueDeadConsumers: the sentinel put would
// block forever on a full queue whose consumers are gone; the context set
// off by their failure wakes it.
func TestPipelineSentinelOnFullQueueDeadConsumers(t *testing.T) {
	defer goleak.VerifyNone(t)
	q := newSliceQueue[int](1)
	if err := q.TryPut(7); err != nil { // full, with no unfinished task
		t.Fatal(err)
	}
	if err := q.TaskDone(); err != nil {
		t.Fatal(err)
	}
	p := &Pipeline[int]{
		Queue:      failingGets{q},
		Consumers:  2,
		Consume:    func(context.Context, int, int) error { return nil },
		Sentinel:   -1,
		IsSentinel: func(v int) bool { return v < 0 },
	}
	done := make(chan error, 1)
	go func() { done <- p.Run(t.Context()) }()
	select {
	case err := <-done:
		if err != errBoom {
			t.Fatalf("Run = %v, want %v", err, errBoom)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run hangs: sentinel put on a full queue with dead consumers")
	}
}

func TestPipelineProducerPutsSentinel(t *testing.T) {
	defer goleak.VerifyNone(t)
	p := &Pipeline[int]{
		Queue:     newSliceQueue[int](0),
		Producers: 1,
		Produce: func(ctx context.Context, _ int, put func(int) error) error {
			return put(-1)
		},
		Consumers:  2,
		Consume:    func(context.Context, int, int) error { return nil },
		Sentinel:   -1,
		IsSentinel: func(v int) bool { return v < 0 },
	}
	if err := p.Run(t.Context()); err != errSentinelPut {
		t.Fatalf("Run = %v, want %v", err, errSentinelPut)
	}
}
