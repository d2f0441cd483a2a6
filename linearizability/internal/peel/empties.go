package peel

import (
	"cmp"
	"math"
	"slices"
)

// EmptySet is the empties of a prepared history, by call. Only a peeled
// never-got value removes empties, and then all of them (lifo/bottom.go,
// prio/busy.go).
type EmptySet struct {
	calls   []int64 // their calls, sorted
	sufMin  []int64 // sufMin[k]: the earliest return among empties k, k+1, ...
	Ops     []int32 // the empties, by call
	removed bool
}

// NewEmptySet returns the set of the empties es of ops.
func NewEmptySet(ops []Op, es []int32) EmptySet {
	slices.SortStableFunc(es, func(x, y int32) int { return cmp.Compare(ops[x].Call, ops[y].Call) })
	s := EmptySet{calls: make([]int64, len(es)), sufMin: make([]int64, len(es)+1), Ops: es}
	s.sufMin[len(es)] = math.MaxInt64
	for k := len(es) - 1; k >= 0; k-- {
		s.calls[k] = ops[es[k]].Call
		s.sufMin[k] = min(s.sufMin[k+1], ops[es[k]].Ret)
	}
	return s
}

// LastCall returns the latest call of a present empty, or None.
func (s *EmptySet) LastCall() int64 {
	if s.removed || len(s.calls) == 0 {
		return None
	}
	return s.calls[len(s.calls)-1]
}

// FirstRetCalledAfter returns the earliest return of a present empty
// called after m, or MaxInt64.
func (s *EmptySet) FirstRetCalledAfter(m int64) int64 {
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

// RemoveAll takes every empty out.
func (s *EmptySet) RemoveAll(present []bool) {
	for _, e := range s.Ops {
		present[e] = false
	}
	s.removed = true
}
