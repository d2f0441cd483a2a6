package main

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// A shape is a number of producers and of consumers.
type shape struct{ producers, consumers int }

func (s shape) String() string { return fmt.Sprintf("%dP%dC", s.producers, s.consumers) }

// share returns how many of n items worker i of k moves.
func share(n, k, i int) int { return (i+1)*n/k - i*n/k }

// A cost is what moving the items took: the time from the first put to the
// last get, and the CPU time the process used meanwhile (every goroutine,
// the runtime's included; 0 where it cannot be read).
type cost struct{ wall, cpu time.Duration }

// move sends items through a fresh queue from s.producers goroutines to
// s.consumers goroutines, each moving a fixed share, and returns its cost.
// It fails if the items got are not the items put (their sum differs).
func move(c contestant, s shape, items, capacity int) (cost, error) {
	e := c.open(capacity)
	var wg sync.WaitGroup
	var sum atomic.Int64
	cpu := cpuTime()
	start := time.Now()
	for i := range s.producers {
		wg.Go(func() {
			for j := range share(items, s.producers, i) {
				e.put(j)
			}
		})
	}
	for i := range s.consumers {
		wg.Go(func() {
			local := 0
			for range share(items, s.consumers, i) {
				local += e.get()
			}
			sum.Add(int64(local))
		})
	}
	wg.Wait()
	d := cost{time.Since(start), cpuTime() - cpu}
	want := 0
	for i := range s.producers {
		n := share(items, s.producers, i)
		want += n * (n - 1) / 2
	}
	if got := sum.Load(); got != int64(want) {
		return d, fmt.Errorf("bench: %s %v: items got sum to %d, put to %d", c.name, s, got, want)
	}
	return d, nil
}

// A pairing is the result of rounds of a contestant, each run right after
// the channel: per round, the channel's time divided by the contestant's
// (above 1, the contestant is faster), the same for CPU time, and the
// channel's costs.
type pairing struct {
	ratios, cpuRatios []float64
	base              []cost
}

// pairs measures c rounds times, each run right after a channel run.
func pairs(c contestant, s shape, items, capacity, rounds int) (pairing, error) {
	var p pairing
	for range rounds {
		b, err := move(channel, s, items, capacity)
		if err != nil {
			return p, err
		}
		d, err := move(c, s, items, capacity)
		if err != nil {
			return p, err
		}
		p.ratios = append(p.ratios, b.wall.Seconds()/d.wall.Seconds())
		p.cpuRatios = append(p.cpuRatios, b.cpu.Seconds()/d.cpu.Seconds()) // NaN without CPU times
		p.base = append(p.base, b)
	}
	return p, nil
}

// median returns the median of xs (the upper one for an even count).
func median[T float64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
