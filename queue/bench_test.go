package queue_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/impls"
	"github.com/pcqkit/pcq/queue"
)

// benchCap is the capacity of the bounded queues and of the channel.
const benchCap = 1024

// benchImpl is one implementation under benchmark; new is nil for the
// buffered-channel baseline.
type benchImpl struct {
	name               string
	bounded, unbounded bool
	new                harness.Factory
}

var benchImpls = append([]benchImpl{{"channel", true, false, nil}}, kitImpls()...)

// kitImpls returns the kit's implementations, from its registry.
func kitImpls() []benchImpl {
	var out []benchImpl
	for _, m := range impls.All() {
		out = append(out, benchImpl{m.Name, m.Bounded, m.Unbounded, m.New})
	}
	return out
}

// BenchmarkThroughput moves b.N items from P producers to C consumers,
// through each implementation and a plain buffered channel, side by side:
// BenchmarkThroughput/{bounded,unbounded}/IMPL/PpCc. ns/op is per item.
// Consumers stop on Shutdown (the channel: on close) once the producers
// are done; no TaskDone, to compare with the channel like for like.
func BenchmarkThroughput(b *testing.B) {
	shapes := []int{1, 4, 16}
	for _, bounded := range []bool{true, false} {
		capacity, kind := benchCap, "bounded"
		if !bounded {
			capacity, kind = 0, "unbounded"
		}
		for _, m := range benchImpls {
			if (bounded && !m.bounded) || (!bounded && !m.unbounded) {
				continue
			}
			for _, n := range shapes {
				name := fmt.Sprintf("%s/%s/%dP%dC", kind, m.name, n, n)
				b.Run(name, func(b *testing.B) {
					b.ReportAllocs()
					if m.new == nil {
						throughputChannel(b, n, n)
					} else {
						throughputQueue(b, m.new(capacity), n, n)
					}
					b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "items/s")
				})
			}
		}
	}
}

// share returns how many of n items producer i of p puts.
func share(n, p, i int) int { return (i+1)*n/p - i*n/p }

func throughputQueue(b *testing.B, q queue.Queue[int], producers, consumers int) {
	ctx := context.Background()
	var prod, cons sync.WaitGroup
	b.ResetTimer()
	for i := range producers {
		prod.Go(func() {
			for j := range share(b.N, producers, i) {
				if err := q.Put(ctx, j); err != nil {
					panic(err)
				}
			}
		})
	}
	for range consumers {
		cons.Go(func() {
			for {
				if _, err := q.Get(ctx); err != nil {
					if !errors.Is(err, queue.ErrShutDown) {
						panic(err)
					}
					return
				}
			}
		})
	}
	prod.Wait()
	q.Shutdown(false)
	cons.Wait()
}

func throughputChannel(b *testing.B, producers, consumers int) {
	ch := make(chan int, benchCap)
	var prod, cons sync.WaitGroup
	b.ResetTimer()
	for i := range producers {
		prod.Go(func() {
			for j := range share(b.N, producers, i) {
				ch <- j
			}
		})
	}
	for range consumers {
		cons.Go(func() {
			for range ch {
			}
		})
	}
	prod.Wait()
	close(ch)
	cons.Wait()
}

// BenchmarkTryPath measures the non-blocking path in one goroutine: a
// TryPut then a TryGet per op, on an empty bounded queue (linked:
// unbounded). Locked, Chan and Ring must not allocate.
func BenchmarkTryPath(b *testing.B) { benchTryPath(b, 0) }

// BenchmarkTryPathHeld is BenchmarkTryPath on a queue that holds
// benchCap-1 items (the steady state of BenchmarkThroughput's bounded
// queues, whose producers outrun their consumers; linked: unbounded,
// holding as many): one goroutine, no contention, no waiting, so it
// measures each implementation's own work per item. Increasing values:
// a priority queue's new item goes to the bottom of its heap, and each
// get's refill walks the heap's height.
func BenchmarkTryPathHeld(b *testing.B) { benchTryPath(b, benchCap-1) }

// benchTryPath runs a TryPut then a TryGet per op, of increasing values,
// on each implementation (and the channel) after held puts.
func benchTryPath(b *testing.B, held int) {
	for _, m := range benchImpls {
		b.Run(m.name, func(b *testing.B) {
			b.ReportAllocs()
			put, get := tryEnds(m)
			next := 0
			for range held {
				put(next)
				next++
			}
			for b.Loop() {
				put(next)
				next++
				get()
			}
		})
	}
}

// tryEnds returns non-blocking put and get functions on a fresh queue of
// m of capacity benchCap (the channel: select with default), which panic
// when the queue is full or empty.
func tryEnds(m benchImpl) (put func(int), get func()) {
	if m.new == nil {
		ch := make(chan int, benchCap)
		return func(v int) {
				select {
				case ch <- v:
				default:
					panic("channel full")
				}
			}, func() {
				select {
				case <-ch:
				default:
					panic("channel empty")
				}
			}
	}
	q := m.new(benchCap)
	return func(v int) {
			if err := q.TryPut(v); err != nil {
				panic(err)
			}
		}, func() {
			if _, err := q.TryGet(); err != nil {
				panic(err)
			}
		}
}
