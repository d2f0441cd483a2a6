package queue

import (
	"context"
	"errors"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pcqkit/pcq/internal/testseed"
)

// watchdog bounds a concurrent test: awaitGroup fails with every
// goroutine's stack instead of hanging.
const watchdog = 8 * time.Second

// awaitGroup waits for wg, or fails t with every goroutine's stack.
func awaitGroup(t *testing.T, what string, wg *sync.WaitGroup) {
	t.Helper()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(watchdog):
		t.Fatalf("%s still running after %v\n%s", what, watchdog, allStacks())
	}
}

// put puts v in one of three ways: Put, a TryPut loop, or Put with a
// deadline so short that it is often canceled, retried.
func put(q Queue[int], v int, mode int) error {
	for {
		var err error
		switch mode {
		case 0:
			return q.Put(context.Background(), v)
		case 1:
			if err = q.TryPut(v); errors.Is(err, ErrFull) {
				runtime.Gosched()
				continue
			}
			return err
		default:
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Microsecond)
			err = q.Put(ctx, v)
			cancel()
			if !errors.Is(err, context.DeadlineExceeded) {
				return err
			}
		}
	}
}

// get gets an item in one of the three ways of put.
func get(q Queue[int], mode int) (int, error) {
	for {
		switch mode {
		case 0:
			return q.Get(context.Background())
		case 1:
			v, err := q.TryGet()
			if errors.Is(err, ErrEmpty) {
				runtime.Gosched()
				continue
			}
			return v, err
		default:
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Microsecond)
			v, err := q.Get(ctx)
			cancel()
			if !errors.Is(err, context.DeadlineExceeded) {
				return v, err
			}
		}
	}
}

// TestConservation: P producers and C consumers, every way of putting and
// getting mixed; every item is got exactly once, FIFO queues keep each
// producer's order for each consumer, and Join returns once every item is
// marked done.
func TestConservation(t *testing.T) {
	seed := testseed.Get(t)
	const producers, consumers, perProducer = 4, 4, 1500
	forEach(t, 4, func(t *testing.T, c suiteCase) {
		q := c.new(c.capacity)
		seen := make([]atomic.Int32, producers*perProducer)
		var prod, cons sync.WaitGroup
		var orderErr atomic.Value
		for p := range producers {
			prod.Go(func() {
				rng := rand.New(rand.NewPCG(seed, uint64(p)))
				for k := range perProducer {
					if err := put(q, p*perProducer+k, rng.IntN(3)); err != nil {
						orderErr.Store(err)
						return
					}
				}
			})
		}
		for i := range consumers {
			cons.Go(func() {
				rng := rand.New(rand.NewPCG(seed, 100+uint64(i)))
				last := make([]int, producers)
				for {
					v, err := get(q, rng.IntN(3))
					if err != nil {
						if !errors.Is(err, ErrShutDown) {
							orderErr.Store(err)
						}
						return
					}
					seen[v].Add(1)
					p := v / perProducer
					if c.order == fifoOrder && v < last[p] {
						orderErr.Store(errors.New("a producer's items came out of order"))
					}
					last[p] = v
					q.TaskDone()
				}
			})
		}
		awaitGroup(t, "producers", &prod)
		ctx, cancel := context.WithTimeout(context.Background(), watchdog)
		defer cancel()
		if err := q.Join(ctx); err != nil {
			t.Fatalf("seed %d: Join: %v\n%s", seed, err, allStacks())
		}
		q.Shutdown(false)
		awaitGroup(t, "consumers", &cons)
		if err := orderErr.Load(); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		for v := range seen {
			if n := seen[v].Load(); n != 1 {
				t.Fatalf("seed %d: item %d got %d times", seed, v, n)
			}
		}
	})
}

// TestShutdownUnderLoad shuts the queue down while producers and consumers
// run. Soft: every item put is got exactly once. Immediate: no item is got
// twice, none whose put failed is got, nothing is left, and the drain
// lowers the count so that Join returns once consumers mark theirs done.
func TestShutdownUnderLoad(t *testing.T) {
	seed := testseed.Get(t)
	for _, immediate := range []bool{false, true} {
		name := map[bool]string{false: "soft", true: "immediate"}[immediate]
		t.Run(name, func(t *testing.T) {
			forEach(t, 4, func(t *testing.T, c suiteCase) {
				for round := range 3 {
					shutdownUnderLoad(t, c, immediate, seed+uint64(round))
				}
			})
		})
	}
}

func shutdownUnderLoad(t *testing.T, c suiteCase, immediate bool, seed uint64) {
	const producers, consumers, most = 3, 3, 1 << 12
	q := c.new(c.capacity)
	var putOK, got [most]atomic.Int32
	var next, gets atomic.Int64
	var wg sync.WaitGroup
	for p := range producers {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(seed, uint64(p)))
			for {
				v := int(next.Add(1))
				if v >= most {
					return
				}
				if err := put(q, v, rng.IntN(3)); err != nil {
					return
				}
				putOK[v].Store(1)
			}
		})
	}
	for i := range consumers {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(seed, 100+uint64(i)))
			for {
				v, err := get(q, rng.IntN(3))
				if err != nil {
					return
				}
				got[v].Add(1)
				gets.Add(1)
				q.TaskDone()
			}
		})
	}
	for gets.Load() < 300 {
		runtime.Gosched()
	}
	q.Shutdown(immediate)
	if immediate {
		if n := q.Len(); n != 0 {
			t.Fatalf("seed %d: Len = %d right after Shutdown(true)", seed, n)
		}
		if _, err := q.TryGet(); !errors.Is(err, ErrShutDown) {
			t.Fatalf("seed %d: TryGet right after Shutdown(true): %v", seed, err)
		}
	}
	awaitGroup(t, "producers and consumers", &wg)
	ctx, cancel := context.WithTimeout(context.Background(), watchdog)
	defer cancel()
	if err := q.Join(ctx); err != nil {
		t.Fatalf("seed %d: Join: %v\n%s", seed, err, allStacks())
	}
	for v := range most {
		p, g := putOK[v].Load(), got[v].Load()
		switch {
		case g > 1:
			t.Fatalf("seed %d: item %d got %d times", seed, v, g)
		case g == 1 && p == 0:
			t.Fatalf("seed %d: item %d got although its put failed", seed, v)
		case !immediate && p == 1 && g == 0:
			t.Fatalf("seed %d: item %d put but never got", seed, v)
		}
	}
}
