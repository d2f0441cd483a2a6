package sync

import (
	"testing"
)

// run starts f in g goroutines with the mirror WaitGroup.Go and waits.
func run(g int, f func()) {
	var wg WaitGroup
	for range g {
		wg.Go(f)
	}
	wg.Wait()
}

// TestMutexExcludes: a plain counter guarded by the Mutex loses no increment
// (and -race sees the lock's edges).
func TestMutexExcludes(t *testing.T) {
	const g, n = 4, 2000
	var mu Mutex
	count := 0
	run(g, func() {
		for range n {
			mu.Lock()
			count++
			mu.Unlock()
		}
	})
	if count != g*n {
		t.Fatalf("count %d, want %d", count, g*n)
	}
}

// TestTryLock: TryLock fails on a held mutex and succeeds on a free one.
func TestTryLock(t *testing.T) {
	var mu Mutex
	if !mu.TryLock() || mu.TryLock() {
		t.Fatal("TryLock on a free, then a held mutex")
	}
	mu.Unlock()
	var rw RWMutex
	for range 2 {
		if !rw.TryRLock() {
			t.Fatal("TryRLock failed with no writer")
		}
	}
	if rw.TryLock() {
		t.Fatal("TryLock succeeded under readers")
	}
	rw.RUnlock()
	rw.RUnlock()
	if !rw.TryLock() || rw.TryRLock() {
		t.Fatal("TryLock on a free RWMutex, then TryRLock under a writer")
	}
	rw.Unlock()
}

// TestRWMutexExcludesWriters: writers exclude each other and readers; the
// RLocker locks for reading.
func TestRWMutexExcludesWriters(t *testing.T) {
	const g, n = 4, 1000
	var rw RWMutex
	count, seen := 0, 0
	run(g, func() {
		for range n {
			rw.Lock()
			count++
			rw.Unlock()
			rw.RLock()
			_ = count
			rw.RUnlock()
		}
	})
	r := rw.RLocker()
	r.Lock()
	seen = count
	if rw.TryLock() {
		t.Error("TryLock succeeded under RLocker().Lock")
	}
	r.Unlock()
	if seen != g*n {
		t.Fatalf("count %d, want %d", seen, g*n)
	}
}
