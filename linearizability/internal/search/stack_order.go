package search

import (
	"cmp"
	"slices"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// stackShrink holds the operations that still constrain, ordered by
// return and by call, for the test of stackKeep: the latest return before
// an instant and the earliest call after one, among the operations not
// removed.
type stackShrink struct {
	h          history.History
	gone       []bool
	byRet      []int // constraining operations by return
	byCall     []int // and by call
	atRet      []int // where each operation is in byRet (-1: not there)
	atCall     []int // and in byCall
	prev, next skipList
	removedAny bool
}

// newStackShrink orders the operations of h at idx.
func newStackShrink(h history.History, idx []int) *stackShrink {
	s := &stackShrink{h: h, gone: make([]bool, len(h.Operations))}
	for _, i := range idx {
		if h.Operations[i].Output.Result != models.Canceled { // no effect: anywhere in its interval
			s.byRet = append(s.byRet, i)
		}
	}
	s.byCall = slices.Clone(s.byRet)
	ops := h.Operations
	slices.SortStableFunc(s.byRet, func(a, b int) int { return cmp.Compare(ops[a].Return, ops[b].Return) })
	slices.SortStableFunc(s.byCall, func(a, b int) int { return cmp.Compare(ops[a].Call, ops[b].Call) })
	s.atRet, s.atCall = positions(s.byRet, len(ops)), positions(s.byCall, len(ops))
	s.prev, s.next = newSkipList(len(s.byRet)), newSkipList(len(s.byCall))
	return s
}

// positions returns where each of n operations is in order (-1: absent).
func positions(order []int, n int) []int {
	at := make([]int, n)
	for i := range at {
		at[i] = -1
	}
	for k, i := range order {
		at[i] = k
	}
	return at
}

// removable reports whether pair p qualifies: every other operation that
// must come before it returned before every one that must come after it
// was called.
func (s *stackShrink) removable(p stackPair) bool {
	put, get := &s.h.Operations[p.put], &s.h.Operations[p.get]
	before := max(put.Call, get.Call) // A: operations that return before this
	after := min(put.Return, get.Return)
	lastA, okA := s.lastReturnBefore(before, p)
	firstB, okB := s.firstCallAfter(after, p)
	return !okA || !okB || lastA < firstB
}

// lastReturnBefore returns the latest return before t of an operation
// still there, other than p's.
func (s *stackShrink) lastReturnBefore(t int64, p stackPair) (int64, bool) {
	ops := s.h.Operations
	k, _ := slices.BinarySearchFunc(s.byRet, t, func(i int, t int64) int { return cmp.Compare(ops[i].Return, t) })
	for k = s.prev.back(k - 1); k >= 0; k = s.prev.back(k - 1) {
		if i := s.byRet[k]; i != p.put && i != p.get {
			return ops[i].Return, true
		}
	}
	return 0, false
}

// firstCallAfter returns the earliest call after t of an operation still
// there, other than p's.
func (s *stackShrink) firstCallAfter(t int64, p stackPair) (int64, bool) {
	ops := s.h.Operations
	k, _ := slices.BinarySearchFunc(s.byCall, t+1, func(i int, t int64) int { return cmp.Compare(ops[i].Call, t) })
	for k = s.next.forward(k); k < len(s.byCall); k = s.next.forward(k + 1) {
		if i := s.byCall[k]; i != p.put && i != p.get {
			return ops[i].Call, true
		}
	}
	return 0, false
}

// remove takes pair p out of the history.
func (s *stackShrink) remove(p stackPair) {
	s.gone[p.put], s.gone[p.get], s.removedAny = true, true, true
	for _, i := range []int{p.put, p.get} {
		if s.atRet[i] >= 0 { // a pair is never canceled: always there
			s.prev.del(s.atRet[i])
			s.next.del(s.atCall[i])
		}
	}
}
