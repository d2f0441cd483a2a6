package search

import (
	"slices"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// Context returns the culprits and up to extra other
// operations overlapping their span, whole units at a time (a value's put
// comes with its get), sorted.
func Context(h history.History, culprits []int, extra int) []int {
	lo, hi := int64(1<<63-1), int64(-1<<63)
	in := make(map[int]bool, len(culprits))
	for _, i := range culprits {
		op := h.Operations[i]
		lo, hi = min(lo, op.Call), max(hi, returnOf(op))
		in[i] = true
	}
	idx := slices.Clone(culprits)
	for _, u := range units(h) {
		if len(idx)+len(u.ops) > len(culprits)+extra {
			break
		}
		if in[u.ops[0]] || !unitOverlaps(h, u, lo, hi) {
			continue
		}
		idx = append(idx, u.ops...)
	}
	slices.Sort(idx)
	return slices.Compact(idx)
}

func unitOverlaps(h history.History, u unit, lo, hi int64) bool {
	for _, i := range u.ops {
		op := h.Operations[i]
		if op.Call <= hi && returnOf(op) >= lo {
			return true
		}
	}
	return false
}

func returnOf(op history.Operation) int64 {
	if op.Output.Result == models.Unknown {
		return 1<<63 - 1
	}
	return op.Return
}
