package search

import (
	"math"
	"runtime/debug"
	"sync"
)

// processMemory returns the bytes of memory the process may use: the
// smallest of the physical memory, its control group's limit, its address
// space limit (RLIMIT_AS) and the Go memory limit (GOMEMLIMIT,
// debug.SetMemoryLimit) when set; 0 when none is known.
func processMemory() int64 {
	return smallestLimit(physicalMemory(), systemLimitOnce(), goMemoryLimit())
}

// systemLimitOnce is systemLimit read once: it reads the control group's
// files (about 80 µs and 70 allocations), and every check without a
// memory budget of its own asks for the default one (an explored schedule,
// a fuzz input), while the limits are set when the process starts. The Go
// memory limit, which the program itself may change, is read every time.
var systemLimitOnce = sync.OnceValue(systemLimit)

// goMemoryLimit returns the Go runtime's memory limit, or 0 when unset.
func goMemoryLimit() int64 {
	if m := debug.SetMemoryLimit(-1); m != math.MaxInt64 {
		return m
	}
	return 0
}

// smallestLimit returns the smallest of the limits that are set (> 0), or
// 0 when none is.
func smallestLimit(limits ...int64) int64 {
	var least int64
	for _, m := range limits {
		if m > 0 && (least == 0 || m < least) {
			least = m
		}
	}
	return least
}
