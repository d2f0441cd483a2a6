package sync

import "testing"

// TestCondSignalsHandOff: a bounded buffer of one slot with two Conds passes
// every item from a producer to a consumer in order.
func TestCondSignalsHandOff(t *testing.T) {
	const n = 500
	var mu Mutex
	notEmpty, notFull := NewCond(&mu), &Cond{L: &mu}
	slot, full := 0, false
	var got []int
	var wg WaitGroup
	wg.Go(func() {
		for i := range n {
			mu.Lock()
			for full {
				notFull.Wait()
			}
			slot, full = i, true
			notEmpty.Signal()
			mu.Unlock()
		}
	})
	for range n {
		mu.Lock()
		for !full {
			notEmpty.Wait()
		}
		got = append(got, slot)
		full = false
		notFull.Signal()
		mu.Unlock()
	}
	wg.Wait()
	for i, v := range got {
		if v != i {
			t.Fatalf("item %d is %d", i, v)
		}
	}
}

// TestCondBroadcastWakesAll: every waiter returns after one Broadcast, each
// holding the lock when it returns.
func TestCondBroadcastWakesAll(t *testing.T) {
	const g = 4
	var mu Mutex
	c, arrived := NewCond(&mu), NewCond(&mu)
	ready, released, woken := 0, false, 0
	var wg WaitGroup
	for range g {
		wg.Go(func() {
			mu.Lock()
			ready++
			arrived.Signal() // tells the main goroutine that one more waits
			for !released {
				c.Wait()
			}
			woken++
			mu.Unlock()
		})
	}
	mu.Lock()
	for ready < g {
		arrived.Wait()
	}
	released = true
	c.Broadcast()
	mu.Unlock()
	wg.Wait()
	if woken != g {
		t.Fatalf("%d of %d waiters woke", woken, g)
	}
	c.Signal() // no waiter: no effect
}
