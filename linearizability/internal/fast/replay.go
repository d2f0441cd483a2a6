package fast

import (
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// event is one step of a candidate linearization: an operation index
// and the instant it takes effect.
type event struct {
	op int32
	at int64
}

// witness tries to build a linearization of fh for a FIFO queue of
// capacity fh.h.Capacity (0: unbounded) and replays it. It reports whether
// the replay succeeded, which proves the history linearizable. It tries a
// few orders of the values: the got values by one of four keys, the
// values never got by put return (earliest due) or put call (earliest
// available, which fills the queue for full results).
func (fh *hist) witness() bool {
	keys := []orderKey{byGetReturn, byGetCall, byPutReturn, byPutCall}
	for _, ungotByCall := range []bool{false, true} {
		for _, key := range keys {
			order := fh.witnessOrder(key, ungotByCall)
			if order == nil && len(fh.vals) > 0 {
				continue
			}
			if seq := fh.jit(order); seq != nil && fh.replay(seq) {
				return true
			}
		}
	}
	return false
}

func isPut(op models.Op) bool { return op == models.Put || op == models.TryPut }

// replay runs the candidate linearization seq on a FIFO queue of the history's capacity, straight
// from the history's operations: every instant inside its operation's
// interval and never decreasing, every result as recorded, and every
// operation with an effect present exactly once. Success proves the
// history linearizable.
func (fh *hist) replay(seq []event) bool {
	r := replayer{h: fh.h, seen: make([]bool, len(fh.h.Operations)), last: -inf}
	for _, e := range seq {
		if !r.step(e) {
			return false
		}
	}
	return r.complete()
}

type replayer struct {
	h     history.History
	seen  []bool
	last  int64
	queue []int64
}

func (r *replayer) step(e event) bool {
	op := &r.h.Operations[e.op]
	end := op.Return
	if op.Output.Result == models.Unknown {
		end = inf
	}
	if r.seen[e.op] || e.at < r.last || e.at < op.Call || e.at > end {
		return false
	}
	r.seen[e.op], r.last = true, e.at
	c := r.h.Capacity
	switch res := op.Output.Result; {
	case isPut(op.Input.Op) && (res == models.OK || res == models.Unknown):
		if c > 0 && len(r.queue) >= c {
			return false
		}
		r.queue = append(r.queue, op.Input.Value)
	case op.Input.Op == models.TryPut && res == models.Full:
		return c > 0 && len(r.queue) == c
	case (op.Input.Op == models.Get || op.Input.Op == models.TryGet) && res == models.OK:
		if len(r.queue) == 0 || r.queue[0] != op.Output.Value {
			return false
		}
		r.queue = r.queue[1:]
	case op.Input.Op == models.TryGet && res == models.Empty:
		return len(r.queue) == 0
	default:
		return false
	}
	return true
}

// complete reports whether every operation that must have taken effect
// (every result but canceled and unknown) was replayed.
func (r *replayer) complete() bool {
	for i, op := range r.h.Operations {
		res := op.Output.Result
		if res != models.Canceled && res != models.Unknown && !r.seen[i] {
			return false
		}
	}
	return true
}
