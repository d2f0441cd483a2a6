package prio

import (
	"cmp"
	"math"
	"slices"
)

// emptySet is the empties of a priority history, by call. Only a
// never-got peel removes empties, and then all of them (busy.go).
type emptySet struct {
	calls   []int64 // their calls, sorted
	sufMin  []int64 // sufMin[k]: the earliest return among empties k, k+1, ...
	ops     []int32
	removed bool
}

// newEmptySet returns the set of the empties es of ops.
func newEmptySet(ops []sop, es []int32) emptySet {
	slices.SortStableFunc(es, func(x, y int32) int { return cmp.Compare(ops[x].call, ops[y].call) })
	s := emptySet{calls: make([]int64, len(es)), sufMin: make([]int64, len(es)+1), ops: es}
	s.sufMin[len(es)] = math.MaxInt64
	for k := len(es) - 1; k >= 0; k-- {
		s.calls[k] = ops[es[k]].call
		s.sufMin[k] = min(s.sufMin[k+1], ops[es[k]].ret)
	}
	return s
}

// lastCall returns the latest call of a present empty, or none.
func (s *emptySet) lastCall() int64 {
	if s.removed || len(s.calls) == 0 {
		return none
	}
	return s.calls[len(s.calls)-1]
}

// firstRetCalledAfter returns the earliest return of a present empty
// called after m, or MaxInt64.
func (s *emptySet) firstRetCalledAfter(m int64) int64 {
	if s.removed {
		return math.MaxInt64
	}
	k, _ := slices.BinarySearchFunc(s.calls, m, func(call, m int64) int {
		if call > m {
			return 1
		}
		return -1
	}) // the first call after m
	return s.sufMin[k]
}

// removeAll takes every empty out.
func (s *emptySet) removeAll(present []bool) {
	for _, e := range s.ops {
		present[e] = false
	}
	s.removed = true
}
