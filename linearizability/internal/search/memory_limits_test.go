package search

import (
	"os"
	"runtime/debug"
	"testing"
)

// The memory limit of the process's control group is read from files laid
// out as on a Linux system (testdata/cgroup/*): the smallest limit along
// the group's path counts, "max" and version 1's near-int64 number mean
// none.
func TestCgroupMemory(t *testing.T) {
	for dir, want := range map[string]int64{
		"v2":      1 << 30, // the parent's limit binds: the group's own is max
		"v1":      512 << 20,
		"v1ns":    256 << 20, // the group is not visible: the mount's own file
		"none":    0,
		"missing": 0,
	} {
		if got := cgroupMemory(os.DirFS("testdata/cgroup/" + dir)); got != want {
			t.Errorf("%s: cgroupMemory = %d, want %d", dir, got, want)
		}
	}
}

func TestSmallestLimitSkipsUnset(t *testing.T) {
	for _, tc := range []struct {
		limits []int64
		want   int64
	}{
		{nil, 0},
		{[]int64{0, 0}, 0},
		{[]int64{24 << 30, 0, 4 << 30, 8 << 30}, 4 << 30},
		{[]int64{0, 3}, 3},
	} {
		if got := smallestLimit(tc.limits...); got != tc.want {
			t.Errorf("smallestLimit(%v) = %d, want %d", tc.limits, got, tc.want)
		}
	}
}

// A Go memory limit (GOMEMLIMIT) bounds the default budget like the other
// limits: an eighth of it at most.
func TestDefaultMemoryHeedsTheGoMemoryLimit(t *testing.T) {
	const limit = 64 << 20
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
	if got := DefaultMemory(); got > limit/8 {
		t.Errorf("DefaultMemory() = %d under a Go memory limit of %d, want at most %d", got, limit, limit/8)
	}
}
