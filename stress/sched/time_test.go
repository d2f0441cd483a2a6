package sched

import (
	"errors"
	"slices"
	"testing"
	"time"
)

// sleepers returns a body whose goroutines sleep (or wait on a timer) for
// their own duration between two points and append their number to order;
// the body reports how much fake time passed.
func sleepers(order *[]int, elapsed *time.Duration, naps ...time.Duration) func() {
	return func() {
		*order = nil
		start := time.Now()
		done := make(chan struct{})
		for i, d := range naps {
			Go(func() {
				Point("before", nil)
				if i%2 == 0 {
					time.Sleep(d)
				} else {
					<-time.After(d)
				}
				Point("after", nil)
				*order = append(*order, i)
				done <- struct{}{}
			})
		}
		for range naps {
			<-done
		}
		*elapsed = time.Since(start)
	}
}

// TestTimePasses: goroutines that sleep or wait on a timer are woken by
// fake time when nobody else can run (no deadlock), in the order of their
// wake-up times, and the time that passed is exactly the longest nap.
func TestTimePasses(t *testing.T) {
	var order []int
	var elapsed time.Duration
	body := sleepers(&order, &elapsed, 30*time.Millisecond, 10*time.Millisecond, 20*time.Second)
	for seed := range int64(20) {
		res, err := Test(t, Random(seed).Next(), body, Options{})
		if err != nil || res.Failure != nil {
			t.Fatalf("seed %d: %v %v", seed, err, res.Failure)
		}
		if !slices.Equal(order, []int{1, 0, 2}) || elapsed != 20*time.Second {
			t.Fatalf("seed %d: woke in order %v after %v; want [1 0 2] after 20s", seed, order, elapsed)
		}
	}
}

// TestTimeReplayIsExact: a schedule with sleeps replays to the same
// decisions and points, 50 of 50 times.
func TestTimeReplayIsExact(t *testing.T) {
	var order []int
	var elapsed time.Duration
	body := sleepers(&order, &elapsed, time.Millisecond, time.Millisecond, 2*time.Millisecond, time.Millisecond)
	first, err := Test(t, PCT(9, 2).Next(), body, Options{})
	if err != nil || first.Failure != nil {
		t.Fatal(err, first.Failure)
	}
	want := slices.Clone(order)
	for i := range 50 {
		res, err := Test(t, Replay(first.Schedule), body, Options{})
		if err != nil || res.Failure != nil {
			t.Fatalf("replay %d: %v %v", i, err, res.Failure)
		}
		if res.Schedule.String() != first.Schedule.String() || !slices.Equal(order, want) {
			t.Fatalf("replay %d: %s, order %v; want %s, order %v", i, res.Schedule, order, first.Schedule, want)
		}
	}
}

// TestSleepPastIdleIsDeadlock: a goroutine that sleeps longer than the idle
// bound while nobody else can run is a deadlock, and so is one blocked for
// good on a channel, at no real cost.
func TestSleepPastIdleIsDeadlock(t *testing.T) {
	for _, block := range []func(){
		func() {
			select {
			case <-time.After(2 * time.Hour):
			case <-Context().Done():
			}
		},
		func() {
			select {
			case <-make(chan int):
			case <-Context().Done():
			}
		},
	} {
		body := func() {
			done := make(chan struct{}, 1)
			Go(func() { Point("x", nil); block(); done <- struct{}{} })
			select {
			case <-done:
			case <-Context().Done():
			}
		}
		start := time.Now()
		res, err := Test(t, Random(1).Next(), body, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var d *Deadlock
		if !errors.As(res.Failure, &d) || res.Stuck != 0 {
			t.Fatalf("failure %v, %d stuck; want a *Deadlock, every goroutine unwound", res.Failure, res.Stuck)
		}
		if real := time.Since(start); real > 5*time.Second {
			t.Fatalf("the deadlock took %v of real time", real)
		}
	}
}

// TestSpinWithDeadlineEnds: goroutines that spin on runtime.Gosched until
// a deadline see fake time pass (Options.Spin a round when all of them
// spin) and end, in a number of steps set by the deadline, exactly the
// same under replay.
func TestSpinWithDeadlineEnds(t *testing.T) {
	var rounds [2]int
	body := func() {
		done := make(chan struct{})
		for i := range rounds {
			Go(func() {
				rounds[i] = 0
				start := time.Now()
				for time.Since(start) < 2*time.Millisecond {
					rounds[i]++
					Gosched()
				}
				done <- struct{}{}
			})
		}
		for range rounds {
			<-done
		}
	}
	first, err := Test(t, PCT(3, 2).Next(), body, Options{Spin: 100 * time.Microsecond})
	if err != nil || first.Failure != nil {
		t.Fatal(err, first.Failure)
	}
	want := rounds
	if want[0] > 40 || want[1] > 40 {
		t.Fatalf("rounds %v: a 2ms deadline with 100µs a round of spinning should end within 40 rounds", want)
	}
	for i := range 20 {
		res, err := Test(t, Replay(first.Schedule), body, Options{Spin: 100 * time.Microsecond})
		if err != nil || res.Failure != nil || rounds != want {
			t.Fatalf("replay %d: %v %v, rounds %v; want %v", i, err, res.Failure, rounds, want)
		}
	}
}
