package goroutines

import (
	"sync/atomic"
	"testing"
	"time"
)

// started runs f in a goroutine and returns its id once it runs.
func started(f func()) int64 {
	ids := make(chan int64)
	go func() { ids <- ID(); f() }()
	return <-ids
}

func TestWatchHungAtTheSecondBlockedLook(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	id := started(func() { <-release })
	time.Sleep(10 * time.Millisecond) // let it block
	w := NewWatch(time.Hour)
	if v := w.Look([]int64{id}); v != Waiting {
		t.Fatalf("first look at a blocked goroutine: %v, want waiting (one look is no proof)", v)
	}
	if v := w.Look([]int64{id}); v != Hung {
		t.Fatalf("second look: %v, want hung", v)
	}
	w.Progress()
	if v := w.Look([]int64{id}); v != Waiting {
		t.Fatalf("first look after progress: %v, want waiting", v)
	}
}

func TestWatchSpinningAfterItsProcessorTime(t *testing.T) {
	var stop atomic.Bool
	defer stop.Store(true)
	id := started(func() {
		for !stop.Load() {
		}
	})
	w := NewWatch(0) // MinSpin
	if v := w.Look([]int64{id}); v != Waiting {
		t.Fatalf("a spinning goroutine at once: %v, want waiting", v)
	}
	deadline := time.Now().Add(30 * time.Second)
	for w.Look([]int64{id}) != Spinning {
		if time.Now().After(deadline) {
			t.Fatalf("a goroutine spinning for 30s is not spinning")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestWatchEndedGoroutinesAreWaiting(t *testing.T) {
	id := started(func() {})
	for Alive([]int64{id}) > 0 {
		time.Sleep(time.Millisecond)
	}
	w := NewWatch(0)
	for range 2 {
		if v := w.Look([]int64{id}); v != Waiting {
			t.Fatalf("an ended goroutine: %v, want waiting", v)
		}
	}
}

func TestCPUGrowsWhileRunning(t *testing.T) {
	before := CPU()
	for end := time.Now().Add(20 * time.Millisecond); time.Now().Before(end); {
	}
	if d := CPU() - before; d <= 0 {
		t.Fatalf("20ms of spinning added %v of processor time", d)
	}
}
