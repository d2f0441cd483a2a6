package broken

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/queue"
)

// getters starts n goroutines blocked in Get (for at most a second) and
// returns a channel that gets one value per getter that returned.
func getters(q queue.Queue[int], n int) <-chan error {
	out := make(chan error, n)
	for range n {
		go func() {
			_, err := q.Get(ctx(time.Second))
			out <- err
		}()
	}
	time.Sleep(10 * time.Millisecond) // let them block
	return out
}

// sleepsWithItem: two getters asleep, two puts; a getter still asleep while
// an item is queued is a lost wake-up.
func sleepsWithItem(t *testing.T, newQueue harness.Factory, _ time.Duration) bool {
	q := newQueue(0)
	done := getters(q, 2)
	mustPut(t, q, 1, 2)
	lost := false
	for range 2 {
		select {
		case <-done:
		case <-time.After(100 * time.Millisecond):
			lost = q.Len() > 0
			<-done // its context ends within a second
		}
	}
	return lost
}

func getterSleepsAfterShutdown(t *testing.T, newQueue harness.Factory, _ time.Duration) bool {
	q := newQueue(0)
	done := getters(q, 2)
	_ = q.Shutdown(false)
	asleep := false
	for range 2 {
		select {
		case err := <-done:
			if !errors.Is(err, queue.ErrShutDown) {
				t.Fatalf("get after shutdown: %v", err)
			}
		case <-time.After(100 * time.Millisecond):
			asleep = true
			<-done
		}
	}
	return asleep
}

// race runs f on n goroutines at once.
func race(n int, f func(i int)) {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() { <-start; f(i) })
	}
	close(start)
	wg.Wait()
}

// lostItems: four putters on a small ring, then count what comes out.
func lostItems(t *testing.T, newQueue harness.Factory, _ time.Duration) bool {
	q := newQueue(64)
	const each = 16
	var mu sync.Mutex
	put := 0
	race(4, func(i int) {
		for j := range each {
			if q.TryPut(i*each+j) == nil {
				mu.Lock()
				put++
				mu.Unlock()
			}
		}
	})
	got := 0
	for {
		if _, err := q.TryGet(); err != nil {
			break
		}
		got++
	}
	return got != put
}

// duplicates: four getters drain a queue; any value twice is the bug.
func duplicates(t *testing.T, newQueue harness.Factory, _ time.Duration) bool {
	q := newQueue(0)
	for v := range 64 {
		mustPut(t, q, v)
	}
	var mu sync.Mutex
	seen := map[int]int{}
	race(4, func(int) {
		for {
			v, err := q.TryGet()
			if err != nil {
				return
			}
			mu.Lock()
			seen[v]++
			mu.Unlock()
		}
	})
	return len(seen) != 64
}

// joinHangs: four workers take and mark done every item; Join must then
// return at once.
func joinHangs(t *testing.T, newQueue harness.Factory, _ time.Duration) bool {
	q := newQueue(0)
	for v := range 64 {
		mustPut(t, q, v)
	}
	race(4, func(int) {
		for {
			if _, err := q.TryGet(); err != nil {
				return
			}
			_ = q.TaskDone()
		}
	})
	c, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	return q.Join(c) != nil
}
