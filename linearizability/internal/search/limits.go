package search

import (
	"time"

	"github.com/anishathalye/porcupine"
)

// Limits bound a search: its time, the bytes its memo is estimated to
// hold (memory.go), and the steps of the model it tries (steps.go).
type Limits struct {
	Timeout time.Duration // 0: none
	Memory  int64         // 0: none
	Steps   int64         // 0: none
}

// DefaultMemory is the memory budget of a search when none is given: an
// eighth of the memory the process may use, the smallest of the physical
// memory, its control group's limit, its address space limit and the Go
// memory limit (memory_limits.go; the estimate counts the memo, not the
// garbage collector's slack or the rest of the process), or 2 GiB when
// none is known.
func DefaultMemory() int64 {
	if m := processMemory(); m > 0 {
		return m / 8
	}
	return 2 << 30
}

// Outcome is what a search found.
type Outcome struct {
	Result   porcupine.CheckResult
	Searched int // operations searched (the others were set aside)
	// MemoryReached is true when the search stopped at Limits.Memory;
	// Result is then porcupine.Unknown.
	MemoryReached bool
	// StepsReached is true when the search stopped at Limits.Steps;
	// Result is then porcupine.Unknown.
	StepsReached bool
}
