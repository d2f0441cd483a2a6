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

// TestLookFamilySeesTheChildren: a root that keeps starting a child and
// waiting for it is never hung, however the looks fall. Looking up the
// family in one dump and the stacks in a later one (Family, then Look)
// finds, now and then, only the root, between two children, and then
// blocked, waiting for the next: two such looks in a row called a run of
// put bursts hung (TestNoFalseAlarmAfterSpinners, in CI). Every look
// stops the world: a root starting a garbage collection meanwhile waits
// for the look (see runtimeWaits), and 2,000 looks in a row found it so,
// twice running, in CI.
func TestLookFamilySeesTheChildren(t *testing.T) {
	var stop atomic.Bool
	done := make(chan struct{})
	defer func() { stop.Store(true); <-done }()
	root := started(func() {
		defer close(done)
		for !stop.Load() {
			child := make(chan struct{})
			go func() { spin(50 * time.Microsecond); close(child) }()
			<-child
			spin(50 * time.Microsecond)
		}
	})
	w := NewWatch(time.Hour)
	for i := range 2000 {
		if v := w.LookFamily(root); v != Waiting {
			dump, _ := BlockedFamily(root)
			t.Fatalf("look %d at a root that keeps starting children: %v, want waiting; the family a moment later:\n%s", i, v, dump)
		}
	}
}

// spin keeps the processor for d.
func spin(d time.Duration) {
	for end := time.Now().Add(d); time.Now().Before(end); {
	}
}
