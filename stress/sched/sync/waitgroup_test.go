package sync

import (
	"sync/atomic"
	"testing"
)

// TestWaitGroupWaitsForAll: Wait returns after every Done, with Add and Go
// mixed, and the counter panics below zero as the standard one does.
func TestWaitGroupWaitsForAll(t *testing.T) {
	var wg WaitGroup
	var done atomic.Int32
	wg.Add(3)
	for range 3 {
		go func() {
			done.Add(1)
			wg.Done()
		}()
	}
	wg.Go(func() { done.Add(1) })
	wg.Wait()
	if done.Load() != 4 {
		t.Fatalf("Wait returned after %d of 4", done.Load())
	}
	wg.Wait() // a zero counter: returns at once
	defer func() {
		if recover() == nil {
			t.Error("Done on a zero counter did not panic")
		}
	}()
	wg.Done()
}
