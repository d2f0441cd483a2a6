package prio

import (
	"fmt"
	"math"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/fast"
	"github.com/pcqkit/pcq/models"
)

// kind is what an operation did to the queue.
type kind uint8

const (
	push  kind = iota // a put or try_put that answered ok
	pop               // a get or try_get that returned a value
	empty             // a try_get that answered empty
)

// sop is an operation of a priority history with an effect to check.
type sop struct {
	call, ret int64
	kind      kind
	partner   int32 // a push's pop (-1: never got), a pop's push
	orig      int32 // its index in History.Operations
	value     int64
}

// prioHist is a history prepared for the check: its operations with an
// effect, each pop joined to its push.
type prioHist struct {
	h   history.History
	ops []sop
}

// notDecided says why a history is outside what the check decides, or "".
func notDecided(h history.History) string {
	if h.Kind != models.Priority {
		return h.Kind.String() + " histories are not priority queues"
	}
	puts := 0
	for _, op := range h.Operations {
		switch op.Input.Op {
		case models.Len, models.TaskDone, models.Join, models.Shutdown:
			return "len, task_done, join and shutdown are not covered by the priority checker (they could see a value the others do not)"
		}
		isPut := op.Input.Op == models.Put || op.Input.Op == models.TryPut
		switch r := op.Output.Result; {
		case r == models.Unknown && isPut:
			puts++
		case r == models.Unknown:
			return "unknown gets are not covered by the priority checker (one may have removed a value nobody saw got)"
		case r == models.Closed:
			return "shutdown results are not covered by the priority checker"
		case !op.Input.Op.Allowed(r):
			return "an operation has a result it cannot have: " + op.Input.Op.String() + " " + r.String()
		case op.Return < op.Call:
			return "an operation returns before it is called"
		case r == models.Full && h.Capacity > 0:
			return "a bounded priority queue answered full: the capacity binds, which the priority checker does not cover"
		case r == models.OK && isPut:
			puts++
		}
	}
	if h.Capacity > 0 && puts > h.Capacity {
		return fmt.Sprintf("%d values put on a priority queue of capacity %d: the capacity could bind, which the priority checker does not cover", puts, h.Capacity)
	}
	return ""
}

// prepare builds the priority history of h (which notDecided accepts):
// canceled operations had no effect and are left out, and so are puts
// with unknown outcome whose value nobody got. It returns a
// violation instead when h has a try_put answered full on an unbounded
// priority queue or a value got that was never put, got twice, or got before its
// put was called; and a reason, when put values are not distinct.
func prepare(h history.History) (*prioHist, *fast.Result, string) {
	sh := &prioHist{h: h, ops: make([]sop, 0, len(h.Operations))}
	puts := map[int64]int32{}
	for i, op := range h.Operations {
		s := sop{call: op.Call, ret: op.Return, partner: -1, orig: int32(i)}
		switch in := op.Input.Op; {
		case op.Output.Result == models.Canceled:
			continue
		case op.Output.Result == models.Full:
			return nil, fullUnbounded(h, i), ""
		case op.Output.Result == models.Empty:
			s.kind = empty
		case in == models.Put || in == models.TryPut:
			if _, dup := puts[op.Input.Value]; dup {
				return nil, nil, "put values are not distinct, which the priority checker does not cover"
			}
			s.kind, s.value = push, op.Input.Value
			if op.Output.Result == models.Unknown {
				s.ret = math.MaxInt64 // never returned: it precedes nothing
			}
			puts[s.value] = int32(len(sh.ops))
		default:
			s.kind, s.value = pop, op.Output.Value
		}
		sh.ops = append(sh.ops, s)
	}
	for k := range sh.ops {
		if r := sh.join(int32(k), puts); r != nil {
			return nil, r, ""
		}
	}
	sh.dropUnknownNeverGot()
	return sh, nil, ""
}

// dropUnknownNeverGot drops the puts with unknown outcome whose value
// nobody got: having had no effect constrains nothing, and if the history
// is linearizable with such a put taking effect, it is without it too
// (busy.go, fact R). A put with unknown outcome whose value was got took
// effect, and stays, with no return.
func (sh *prioHist) dropUnknownNeverGot() {
	keep := make([]int32, len(sh.ops)) // new index of each operation; -1: dropped
	ops := sh.ops[:0]
	for k, o := range sh.ops {
		if o.kind == push && o.partner < 0 && sh.h.Operations[o.orig].Output.Result == models.Unknown {
			keep[k] = -1
			continue
		}
		keep[k] = int32(len(ops))
		ops = append(ops, o)
	}
	for k := range ops {
		if ops[k].partner >= 0 {
			ops[k].partner = keep[ops[k].partner]
		}
	}
	sh.ops = ops
}

// join joins the pop k to its push, or returns the violation it makes.
func (sh *prioHist) join(k int32, puts map[int64]int32) *fast.Result {
	o := &sh.ops[k]
	if o.kind != pop {
		return nil
	}
	p, ok := puts[o.value]
	switch {
	case !ok:
		return neverPut(sh.h, o.value, int(o.orig))
	case sh.ops[p].partner >= 0:
		return gotTwice(sh.h, o.value, int(sh.ops[sh.ops[p].partner].orig), int(o.orig))
	case o.ret < sh.ops[p].call:
		return gotBeforePut(sh.h, o.value, int(o.orig), int(sh.ops[p].orig))
	}
	o.partner, sh.ops[p].partner = p, k
	return nil
}
