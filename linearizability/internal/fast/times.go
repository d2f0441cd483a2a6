package fast

import (
	"slices"
	"strconv"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// The checker marks what never happens with the times inf and -inf
// (check.go): the return of a put that never returned, the get of a value
// never got. Every time of a history must then lie strictly between them,
// or a real time would be taken for "never". A history whose times reach
// either end of int64 is checked with each time replaced by its rank among
// the history's times: the checker only compares times, so the verdict is
// the same, and explanations print the original times.

// timeTable maps a rank back to the time it replaced; nil when the
// history's times were kept.
type timeTable []int64

// text prints the time t of the checked history as the file gave it.
func (tt timeTable) text(t int64) string {
	if tt != nil && t >= 0 && t < int64(len(tt)) {
		t = tt[t]
	}
	return strconv.FormatInt(t, 10)
}

// rankTimes returns h with its times replaced by their ranks, and the table
// back, when some time of h is not strictly between -inf and inf; else h
// itself and nil. Operations are copied: h is not changed.
func rankTimes(h history.History) (history.History, timeTable) {
	if !slices.ContainsFunc(h.Operations, reachesEnd) {
		return h, nil
	}
	times := make([]int64, 0, 2*len(h.Operations))
	for _, op := range h.Operations {
		times = append(times, op.Call)
		if op.Output.Result != models.Unknown {
			times = append(times, op.Return)
		}
	}
	slices.Sort(times)
	times = slices.Compact(times)
	rank := func(t int64) int64 {
		r, _ := slices.BinarySearch(times, t)
		return int64(r)
	}
	ops := slices.Clone(h.Operations)
	for i := range ops {
		ops[i].Call = rank(ops[i].Call)
		if ops[i].Output.Result != models.Unknown {
			ops[i].Return = rank(ops[i].Return)
		}
	}
	h.Operations = ops
	return h, timeTable(times)
}

// reachesEnd reports whether a time of op is not strictly between -inf
// and inf.
func reachesEnd(op history.Operation) bool {
	outside := func(t int64) bool { return t <= -inf || t >= inf }
	return outside(op.Call) || op.Output.Result != models.Unknown && outside(op.Return)
}
