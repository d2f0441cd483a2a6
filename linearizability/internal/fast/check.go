package fast

import (
	"math"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// Result is the fast checker's answer about a history it decided, or why
// it did not decide.
type Result struct {
	// Violation is true when the history is not linearizable; false, when
	// decided, means it is.
	Violation bool
	// Culprits are the indices, in History.Operations, of the few
	// operations that make the violation, sorted.
	Culprits []int
	// Explanation says in words why the history is a violation.
	Explanation string
	// Note says why the history was not decided, or what a verdict of
	// linearizable took for granted.
	Note string
}

// Check decides a history of a FIFO queue with distinct put values in
// O(n log n) time, by looking for the violation patterns of Henzinger,
// Sezgin and Vafeiadis (CONCUR 2013): a value got but never put or got
// before its put began (fresh), a value got twice (repeat), two values got
// in the opposite order of their non-overlapping puts or a later value got
// while an earlier one stays queued (order), and an empty result while some
// value was certainly queued at every instant of its call (witness, with
// interval covering by several values together). Canceled operations had
// no effect and are dropped.
//
// Bounded capacity (bounded.go): a full result is a violation when fewer
// than capacity values could have been queued at every instant of its call,
// and so is an instant at which more than capacity values were certainly
// queued (counting). When the capacity could bind otherwise, a history of
// puts and gets that answered ok (the exact fragment) is decided by the
// search over orders of the values (orders.go), which replays the
// linearization it finds; outside it (full or empty results, unknown
// outcomes), the checker builds candidate linearizations and replays them,
// and does not decide when none replays.
//
// decided is false when the history holds something the fast checker
// cannot decide soundly: a LIFO or priority queue; len, task_done, join or
// shutdown; a binding capacity with no linearization found; a pattern that
// an unknown get could explain away; put values that are not distinct.
// r.Note then says why, and the history should go to the porcupine
// checker. When decided, a violation names its few operations in
// r.Culprits and explains them in r.Explanation.
func Check(h history.History) (r Result, decided bool) {
	if why := unsupported(h); why != "" {
		return Result{Note: why}, false
	}
	h, times := rankTimes(h)
	fh, why := prepare(h)
	if why != "" {
		return Result{Note: why}, false
	}
	fh.times = times
	if v := fh.firstViolation(); v != nil {
		return v.result(), true
	}
	if fh.unknownGets > 0 {
		// Gets whose outcome is unknown were dropped (no effect): sound for
		// "linearizable", but they may have removed a value nobody saw.
		if v := fh.orderUngot(); v != nil {
			return Result{Note: "an unknown get may have removed an unseen value: " + v.text}, false
		}
		if v := fh.emptyWitness(); v != nil {
			return Result{Note: "an unknown get may have removed an unseen value: " + v.text}, false
		}
	}
	if fh.unknownGets > 0 {
		r.Note = "gets with unknown outcome taken as having had no effect"
	}
	if h.Capacity > 0 && (len(fh.fulls) > 0 || fh.maxQueued() > h.Capacity) {
		br, decided := fh.bounded()
		br.Note = joinNotes(r.Note, br.Note)
		return br, decided
	}
	fragment := "FIFO, distinct values: none of the violation patterns"
	if h.Capacity > 0 {
		fragment += " (the capacity never binds)"
	}
	r.Note = joinNotes(r.Note, fragment)
	return r, true
}

// inf stands for a time after every time of a history: the return of
// an operation that never returned, the get of a value never got.
const inf int64 = math.MaxInt64

// firstViolation returns a violation that holds whatever unknown gets did,
// or the witness and ungot-order patterns too when there are no unknown gets.
func (fh *hist) firstViolation() *violation {
	if fh.fresh != nil {
		return fh.fresh
	}
	if fh.repeat != nil {
		return fh.repeat
	}
	if v := fh.orderGot(); v != nil {
		return v
	}
	if fh.unknownGets == 0 {
		if v := fh.orderUngot(); v != nil {
			return v
		}
		if v := fh.emptyWitness(); v != nil {
			return v
		}
	}
	return fh.fullImpossible()
}

// unsupported says why the fast checker cannot decide h at all, or "".
func unsupported(h history.History) string {
	if h.Kind != models.FIFO {
		return h.Kind.String() + " histories are not covered by the fast checker"
	}
	for _, op := range h.Operations {
		switch op.Input.Op {
		case models.Len, models.TaskDone, models.Join, models.Shutdown:
			return "len, task_done, join and shutdown are not covered by the fast checker"
		}
		if op.Output.Result == models.Closed {
			return "shutdown results are not covered by the fast checker"
		}
		if !op.Input.Op.Allowed(op.Output.Result) {
			return "an operation has a result it cannot have: " + op.Input.Op.String() + " " + op.Output.Result.String()
		}
		if op.Output.Result != models.Unknown && op.Return < op.Call {
			return "an operation returns before it is called"
		}
	}
	return ""
}

// joinNotes joins two notes.
func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
