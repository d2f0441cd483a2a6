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
	return asleepWithItem(q, done)
}

// asleepWithItem waits for the two getters of done and reports whether one
// of them slept 100 ms while an item was queued.
func asleepWithItem(q queue.Queue[int], done <-chan error) bool {
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

// fillOvertaken: two getters asleep, two puts at once; a getter still
// asleep while an item is queued is a lost wake-up. On a fillLater, the
// first put is held between its reservation and its fill until the second
// put has returned and both getters are asleep again: the first fill then
// makes two items gettable at once.
func fillOvertaken(t *testing.T, newQueue harness.Factory, _ time.Duration) bool {
	q := newQueue(0)
	done := getters(q, 2)
	if fl, ok := q.(*fillLater); ok {
		overtake(t, fl)
	} else {
		race(2, func(i int) { mustPut(t, q, i) })
	}
	return asleepWithItem(q, done)
}

// overtake puts 1 and 2 on q, the second overtaking the first: it is filled
// while the first is held between its reservation and its fill, and the
// first is let go once both getters sleep again.
func overtake(t *testing.T, q *fillLater) {
	reserved, release := make(chan struct{}), make(chan struct{})
	q.betweenPhases = func() {
		q.betweenPhases = func() {} // the second put goes through
		close(reserved)
		<-release
	}
	first := make(chan struct{})
	go func() { mustPut(t, q, 1); close(first) }()
	<-reserved
	mustPut(t, q, 2)
	for asleep := 0; asleep < 2; time.Sleep(time.Millisecond) {
		q.mu.Lock()
		asleep = len(q.notEmpty.waiters)
		q.mu.Unlock()
	}
	close(release)
	<-first
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

// TestFillLaterFixed: the queue of fill-wakes-one with its fix (a fill wakes
// every getter) shows no lost wake-up when overtaken as in fillOvertaken.
func TestFillLaterFixed(t *testing.T) {
	fixed := func(capacity int) queue.Queue[int] { return newFillLater(capacity, true) }
	for range 3 {
		if fillOvertaken(t, fixed, 0) {
			t.Fatal("a getter slept with an item queued")
		}
	}
}
