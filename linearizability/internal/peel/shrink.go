package peel

import (
	"cmp"
	"slices"
	"time"

	"github.com/pcqkit/pcq/history"
)

// Shrinking a violation to a few operations: the operations left with
// nothing to peel (no bottom value of a stack, lifo/bottom.go; no value
// to end the first busy period of a priority queue, prio/busy.go) are a
// violation on their own, often a large one. Units (a value's put with
// its get, or one empty) are removed while what is left still has
// nothing to peel: chunks of halving size (delta debugging:
// a violation made by a few units loses most of the history in the first
// few rounds), then one unit at a time until none can go, within
// shrinkBudget.

// shrinkBudget bounds the time spent shrinking one violation.
const shrinkBudget = 5 * time.Second

// shrink returns a small subset of idx (operations of h that are a
// violation on their own) that still is one, sorted.
func shrink(h history.History, idx []int, s *Structure) []int {
	us := unitsOf(h, idx)
	deadline := time.Now().Add(shrinkBudget)
	for size := len(us) / 2; size > 1; size /= 2 {
		us, _ = removeChunks(h, us, size, deadline, s)
	}
	for changed := true; changed; {
		us, changed = removeChunks(h, us, 1, deadline, s)
	}
	return flatten(us)
}

// removeChunks removes each chunk of size consecutive units of us whose
// removal leaves a violation, until the deadline; changed says whether
// any went.
func removeChunks(h history.History, us [][]int, size int, deadline time.Time, s *Structure) (left [][]int, changed bool) {
	for lo := 0; lo < len(us) && time.Now().Before(deadline); {
		rest := slices.Concat(us[:lo], us[min(lo+size, len(us)):])
		if len(rest) > 0 && violates(h, rest, s) {
			us, changed = rest, true
			continue
		}
		lo += size
	}
	return us, changed
}

// unitsOf groups idx into units, by first call.
func unitsOf(h history.History, idx []int) [][]int {
	byValue := map[int64]int{}
	var us [][]int
	for _, i := range idx {
		op := h.Operations[i]
		if carries, v := valueOf(op); carries {
			if j, ok := byValue[v]; ok {
				us[j] = append(us[j], i)
				continue
			}
			byValue[v] = len(us)
		}
		us = append(us, []int{i})
	}
	first := func(u []int) int64 {
		c := h.Operations[u[0]].Call
		for _, i := range u {
			c = min(c, h.Operations[i].Call)
		}
		return c
	}
	slices.SortStableFunc(us, func(a, b []int) int { return cmp.Compare(first(a), first(b)) })
	return us
}

// flatten returns the operations of us, sorted.
func flatten(us [][]int) []int {
	var idx []int
	for _, u := range us {
		idx = append(idx, u...)
	}
	slices.Sort(idx)
	return idx
}

// violates reports whether the units us of h, a history of s, are a
// violation alone.
func violates(h history.History, us [][]int, s *Structure) bool {
	sh, v, why := Prepare(sub(h, flatten(us)), s)
	if why != "" || v != nil {
		return v != nil
	}
	return !s.NewPeeler(sh.Ops).Run()
}

// sub returns the history of h's operations at idx; sub's operation k is
// h's operation idx[k].
func sub(h history.History, idx []int) history.History {
	sh := history.History{Kind: h.Kind, Capacity: h.Capacity, Operations: make([]history.Operation, len(idx))}
	for k, i := range idx {
		sh.Operations[k] = h.Operations[i]
	}
	return sh
}
