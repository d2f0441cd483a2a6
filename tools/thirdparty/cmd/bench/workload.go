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

// move sends items through a fresh queue from s.producers goroutines to
// s.consumers goroutines, each moving a fixed share, and returns the time
// from the first put to the last get. It fails if the items got are not
// the items put (their sum differs).
func move(c contestant, s shape, items, capacity int) (time.Duration, error) {
	e := c.open(capacity)
	var wg sync.WaitGroup
	var sum atomic.Int64
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
	d := time.Since(start)
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

// pairs measures c rounds times, each run right after a channel run, and
// returns for each round the channel's time divided by c's (above 1, c is
// faster) and the channel's times.
func pairs(c contestant, s shape, items, capacity, rounds int) (ratios []float64, base []time.Duration, err error) {
	for range rounds {
		b, err := move(channel, s, items, capacity)
		if err != nil {
			return nil, nil, err
		}
		d, err := move(c, s, items, capacity)
		if err != nil {
			return nil, nil, err
		}
		ratios = append(ratios, b.Seconds()/d.Seconds())
		base = append(base, b)
	}
	return ratios, base, nil
}

// median returns the median of xs (the upper one for an even count).
func median[T float64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
