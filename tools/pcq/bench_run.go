package main

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pcqkit/pcq/queue"
)

// benchResult is one measurement: one queue, one mix of producers and
// consumers.
type benchResult struct {
	impl                 string
	producers, consumers int
	items                int64         // items got during the window
	window               time.Duration // how long it was measured
	p50, p99, p999       time.Duration // put-to-get latency percentiles
}

// rate returns the throughput in items per second.
func (r benchResult) rate() float64 { return float64(r.items) / r.window.Seconds() }

// An endpoint is the two sides of something items flow through: a queue, or
// the buffered channel that every queue is compared with.
type endpoint struct {
	put  func(v int) bool        // false: stop producing
	get  func() (v int, ok bool) // false: nothing more will come
	stop func()                  // after every producer has returned: let getters drain and end
}

// queueEndpoint measures a queue: puts without deadline, Shutdown(false) to
// end the getters once the producers have stopped.
func queueEndpoint(q queue.Queue[int]) endpoint {
	bg := context.Background()
	return endpoint{
		put: func(v int) bool { return q.Put(bg, v) == nil },
		get: func() (int, bool) {
			v, err := q.Get(bg)
			return v, !errors.Is(err, queue.ErrShutDown)
		},
		stop: func() { q.Shutdown(false) },
	}
}

// chanEndpoint measures a buffered channel, the baseline.
func chanEndpoint(capacity int) endpoint {
	ch := make(chan int, capacity)
	return endpoint{
		put:  func(v int) bool { ch <- v; return true },
		get:  func() (int, bool) { v, ok := <-ch; return v, ok },
		stop: func() { close(ch) },
	}
}

// latencySample keeps one latency in this many items.
const latencySample = 16

// measure runs producers and consumers over e for d and returns the items
// got in that window with their latency percentiles. Items carry the
// monotonic time at which they were put.
func measure(e endpoint, producers, consumers int, d time.Duration) benchResult {
	base := time.Now()
	var stopped atomic.Bool
	var prodWG, consWG sync.WaitGroup
	counts := make([]int64, consumers)
	lat := make([][]time.Duration, consumers)
	for range producers {
		prodWG.Go(func() {
			for !stopped.Load() && e.put(int(time.Since(base))) {
			}
		})
	}
	for i := range consumers {
		consWG.Go(func() {
			for n := int64(0); ; n++ {
				v, ok := e.get()
				if !ok {
					return
				}
				if stopped.Load() {
					continue // drain after the window: not counted
				}
				counts[i]++
				if n%latencySample == 0 {
					lat[i] = append(lat[i], time.Since(base)-time.Duration(v))
				}
			}
		})
	}
	time.Sleep(d)
	stopped.Store(true)
	window := time.Since(base)
	prodWG.Wait()
	e.stop()
	consWG.Wait()
	r := benchResult{producers: producers, consumers: consumers, window: window}
	for i := range consumers {
		r.items += counts[i]
	}
	all := slices.Concat(lat...)
	slices.Sort(all)
	r.p50, r.p99, r.p999 = percentile(all, 0.50), percentile(all, 0.99), percentile(all, 0.999)
	return r
}

// percentile returns the p-th percentile (0 to 1) of sorted, or 0.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(int(p*float64(len(sorted))), len(sorted)-1)]
}
