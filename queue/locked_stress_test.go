package queue

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
)

// TestDequeUnderBursts drives Locked's two-lock deque directly with two
// producers pushing in bursts and two consumers, at capacities that make
// it grow while both ends are busy (unbounded: also shrink), clamp its
// storage below the minimum size, and wrap: every item comes out once and
// in its producer's order, Len stays within the capacity, the tail counts
// every push, and close and drain end it.
func TestDequeUnderBursts(t *testing.T) {
	const producers, consumers, each, burst = 2, 2, 20000, 300
	for _, capacity := range []int{0, 1, 2, 3, 7, 9, 100} {
		var d deque[int]
		d.max = uint64(capacity)
		var got atomic.Int64
		var wrong atomic.Pointer[error]
		fail := func(format string, args ...any) {
			err := fmt.Errorf(format, args...)
			wrong.CompareAndSwap(nil, &err)
		}
		seen := make([]atomic.Int32, producers*each)
		var wg sync.WaitGroup
		for p := range producers {
			wg.Go(func() { pushInBursts(&d, p*each, each, burst) })
		}
		for range consumers {
			wg.Go(func() {
				last := make([]int, producers)
				for i := range last {
					last[i] = -1
				}
				for got.Load() < producers*each {
					v, ok := d.pop()
					if !ok {
						runtime.Gosched()
						continue
					}
					got.Add(1)
					switch {
					case v < 0 || v >= producers*each:
						fail("got %d, never put", v)
					case seen[v].Add(1) != 1:
						fail("got %d twice", v)
					case v <= last[v/each]:
						fail("got %d after %d from the same producer", v, last[v/each])
					default:
						last[v/each] = v
					}
					if n := d.len(); n < 0 || capacity > 0 && n > capacity {
						fail("len %d at capacity %d", n, capacity)
					}
				}
			})
		}
		wg.Wait()
		if err := wrong.Load(); err != nil {
			t.Fatalf("capacity %d: %v", capacity, *err)
		}
		if d.len() != 0 || d.tail.Load() != producers*each {
			t.Fatalf("capacity %d: len %d, tail %d; want 0, %d", capacity, d.len(), d.tail.Load(), producers*each)
		}
		if capacity > 0 && len(d.items) > capacity {
			t.Fatalf("capacity %d: storage %d", capacity, len(d.items))
		}
		d.push(1)
		d.close()
		if r := d.push(2); r != pushClosed {
			t.Fatalf("capacity %d: push after close = %v, want pushClosed", capacity, r)
		}
		if n := d.drain(); n != 1 || d.len() != 0 {
			t.Fatalf("capacity %d: drain = %d, then len %d; want 1, 0", capacity, n, d.len())
		}
		if v, ok := d.pop(); ok {
			t.Fatalf("capacity %d: pop after drain = %d", capacity, v)
		}
	}
}

// pushInBursts pushes n values from first on, up to burst at a time
// (yielding when full), yielding between bursts.
func pushInBursts(d *deque[int], first, n, burst int) {
	for k := 0; k < n; {
		for b := 0; b < burst && k < n; b++ {
			if d.push(first+k) == pushed {
				k++
			} else {
				runtime.Gosched()
			}
		}
		runtime.Gosched()
	}
}

// TestDequeShrinkThenGrow: an unbounded deque that shrinks and grows round
// after round (its pushes' cached head going stale across resizes) keeps
// every item, in order.
func TestDequeShrinkThenGrow(t *testing.T) {
	var d deque[int]
	next, want := 0, 0
	for round := range 20 {
		for range 200 + round*37 {
			if r := d.push(next); r != pushed {
				t.Fatalf("round %d: push(%d) = %v, want pushed", round, next, r)
			}
			next++
		}
		for d.len() > round%5 {
			if v, ok := d.pop(); !ok || v != want {
				t.Fatalf("round %d: pop = %d, %v; want %d, true", round, v, ok, want)
			}
			want++
		}
	}
}
