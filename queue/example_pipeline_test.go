package queue_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pcqkit/pcq/queue"
)

// Three producers put numbers and two consumers square them; when the
// producers are done, Run shuts the queue down, the consumers drain it,
// and Run waits in Join.
func ExamplePipeline() {
	var sum atomic.Int64
	p := &queue.Pipeline[int]{
		Queue:     queue.NewLocked[int](4),
		Producers: 3,
		Produce: func(ctx context.Context, id int, put func(int) error) error {
			for i := range 10 {
				if err := put(id*10 + i); err != nil {
					return err
				}
			}
			return nil
		},
		Consumers: 2,
		Consume: func(ctx context.Context, _ int, v int) error {
			sum.Add(int64(v * v))
			return nil
		},
	}
	err := p.Run(context.Background())
	fmt.Println(sum.Load(), err)
	// Output: 8555 <nil>
}

// With IsSentinel set, consumers end with one sentinel each, put after
// Join: the queue is left open, empty and joined, ready for more work.
// Sentinels are safe with LIFO and priority queues too.
func ExamplePipeline_sentinel() {
	q := queue.NewLIFO[string](2)
	var mu sync.Mutex
	var got []string
	p := &queue.Pipeline[string]{
		Queue:     q,
		Producers: 1,
		Produce: func(ctx context.Context, _ int, put func(string) error) error {
			for _, s := range []string{"b", "d", "a", "c"} {
				if err := put(s); err != nil {
					return err
				}
			}
			return nil
		},
		Consumers: 3,
		Consume: func(ctx context.Context, _ int, s string) error {
			mu.Lock()
			defer mu.Unlock()
			got = append(got, s)
			return nil
		},
		Sentinel:   "",
		IsSentinel: func(s string) bool { return s == "" },
	}
	err := p.Run(context.Background())
	slices.Sort(got)
	fmt.Println(got, err, q.Len(), q.TryPut("e"))
	// Output: [a b c d] <nil> 0 <nil>
}

// A consumer that has seen enough stops everything with an immediate
// shutdown: producers' puts fail with ErrShutDown, what is queued is
// discarded, and Run returns nil once the items in hand are done.
func ExamplePipeline_immediateShutdown() {
	q := queue.NewLocked[int](8)
	var found atomic.Int64
	p := &queue.Pipeline[int]{
		Queue:     q,
		Producers: 2,
		Produce: func(ctx context.Context, id int, put func(int) error) error {
			for i := id; ; i += 2 { // endless: stops when put fails
				if err := put(i); err != nil {
					return err
				}
			}
		},
		Consumers: 2,
		Consume: func(ctx context.Context, _ int, v int) error {
			if v == 1000 {
				found.Store(int64(v))
				return q.Shutdown(true)
			}
			return nil
		},
	}
	err := p.Run(context.Background())
	fmt.Println(found.Load(), err, q.Len(), q.Join(context.Background()))
	// Output: 1000 <nil> 0 <nil>
}

// The first seed program: producers put random numbers, pausing at
// random, and consumers process them, pausing too. Each producer has its
// own seeded generator, so the items (not their order) are the same on
// every run; sorting them makes the output deterministic.
func Example_randomItems() {
	var mu sync.Mutex
	var got []int
	p := &queue.Pipeline[int]{
		Queue:     queue.NewLocked[int](0),
		Producers: 3,
		Produce: func(ctx context.Context, id int, put func(int) error) error {
			r := rand.New(rand.NewPCG(42, uint64(id)))
			for range 4 {
				time.Sleep(time.Duration(r.IntN(200)) * time.Microsecond)
				if err := put(r.IntN(100)); err != nil {
					return err
				}
			}
			return nil
		},
		Consumers: 2,
		Consume: func(ctx context.Context, _ int, v int) error {
			time.Sleep(time.Duration(v) * time.Microsecond)
			mu.Lock()
			defer mu.Unlock()
			got = append(got, v)
			return nil
		},
	}
	if err := p.Run(context.Background()); err != nil {
		fmt.Println(err)
	}
	slices.Sort(got)
	fmt.Println(len(got), got)
	// Output: 12 [7 8 15 36 53 57 66 76 95 96 96 96]
}

// The second seed program, written out by hand as in Python: a bounded
// queue, one sentinel per consumer, TaskDone after every item (the
// sentinel too) and Join. In a FIFO queue the sentinels come out after
// every item.
func Example_sentinelPerConsumer() {
	const consumers, sentinel = 3, -1
	ctx := context.Background()
	q := queue.NewLocked[int](4)
	var sum, count atomic.Int64
	var wg sync.WaitGroup
	for range consumers {
		wg.Go(func() {
			for {
				v, err := q.Get(ctx)
				if err != nil {
					panic(err)
				}
				if v == sentinel {
					q.TaskDone()
					return
				}
				sum.Add(int64(v))
				count.Add(1)
				q.TaskDone()
			}
		})
	}
	for i := range 100 {
		q.Put(ctx, i) // waits while four items are queued
	}
	for range consumers {
		q.Put(ctx, sentinel)
	}
	fmt.Println(q.Join(ctx)) // every item and sentinel marked done
	wg.Wait()
	fmt.Println(count.Load(), sum.Load())
	// Output:
	// <nil>
	// 100 4950
}
