package queue

import (
	"runtime"
	"testing"
)

// TestTryPathAllocations: a TryPut and a TryGet allocate nothing, except
// Linked's segments: two allocations (a segment and its slots) every
// segSize puts once the segments are full-grown. The runtime may allocate
// now and then on its own (under -race it does): the best of three
// measurements counts, and an allocation per operation would show in each.
func TestTryPathAllocations(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for _, m := range suiteImpls {
		capacity := 8
		if !m.bounded {
			capacity = 0
		}
		q := m.new(capacity)
		try := func() {
			if q.TryPut(1) != nil || second(q.TryGet()) != nil {
				t.Fatalf("%s: a try failed", m.name)
			}
		}
		for range 4 * segSize { // past Linked's small first segments
			try()
		}
		const runs = 100 * segSize
		allocs := ^uint64(0)
		for range 3 {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for range runs {
				try()
			}
			runtime.ReadMemStats(&after)
			allocs = min(allocs, after.Mallocs-before.Mallocs)
		}
		want := uint64(0)
		if m.name == "Linked" {
			want = 2 * runs / segSize
		}
		if allocs > want {
			t.Errorf("%s: %d allocations in %d TryPut+TryGet, want at most %d", m.name, allocs, runs, want)
		}
	}
}
