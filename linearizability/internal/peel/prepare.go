package peel

import (
	"fmt"
	"math"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/fast"
	"github.com/pcqkit/pcq/models"
)

// Kind is what an operation did to the structure.
type Kind uint8

// The kinds of operations with an effect.
const (
	Push  Kind = iota // a put or try_put that answered ok
	Pop               // a get or try_get that returned a value
	Empty             // a try_get that answered empty
)

// Op is an operation of a prepared history with an effect to check.
type Op struct {
	Call, Ret int64
	Kind      Kind
	Partner   int32 // a push's pop (-1: never got), a pop's push
	Orig      int32 // its index in History.Operations
	Value     int64
}

// Hist is a history prepared for the check: its operations with an
// effect, each pop joined to its push.
type Hist struct {
	H   history.History
	Ops []Op
}

// notDecided says why a history is outside what the check of s decides,
// or "".
func notDecided(h history.History, s *Structure) string {
	if h.Kind != s.Model {
		return h.Kind.String() + " histories are not " + s.Plural
	}
	puts := 0
	for _, op := range h.Operations {
		switch op.Input.Op {
		case models.Len, models.TaskDone, models.Join, models.Shutdown:
			return "len, task_done, join and shutdown are not covered by the " + s.Checker + " (they could see a value the others do not)"
		}
		isPut := op.Input.Op == models.Put || op.Input.Op == models.TryPut
		switch r := op.Output.Result; {
		case r == models.Unknown && isPut:
			puts++
		case r == models.Unknown:
			return "unknown gets are not covered by the " + s.Checker + " (one may have removed a value nobody saw got)"
		case r == models.Closed:
			return "shutdown results are not covered by the " + s.Checker
		case !op.Input.Op.Allowed(r):
			return "an operation has a result it cannot have: " + op.Input.Op.String() + " " + r.String()
		case op.Return < op.Call:
			return "an operation returns before it is called"
		case r == models.Full && h.Capacity > 0:
			return "a bounded " + s.Name + " answered full: the capacity binds, which the " + s.Checker + " does not cover"
		case r == models.OK && isPut:
			puts++
		}
	}
	if h.Capacity > 0 && puts > h.Capacity {
		return fmt.Sprintf("%d values put on a %s of capacity %d: the capacity could bind, which the %s does not cover", puts, s.Name, h.Capacity, s.Checker)
	}
	return ""
}

// Prepare builds the history of h, a history of s that notDecided
// accepts, prepared for peeling: canceled operations had no effect and
// are left out, and so are puts with unknown outcome whose value nobody
// got. It returns a violation instead when h has a try_put answered full
// on an unbounded structure or a value got that was never put, got
// twice, or got before its put was called; and a reason, when put values
// are not distinct.
func Prepare(h history.History, s *Structure) (*Hist, *fast.Result, string) {
	sh := &Hist{H: h, Ops: make([]Op, 0, len(h.Operations))}
	puts := map[int64]int32{}
	for i, op := range h.Operations {
		o := Op{Call: op.Call, Ret: op.Return, Partner: -1, Orig: int32(i)}
		switch in := op.Input.Op; {
		case op.Output.Result == models.Canceled:
			continue
		case op.Output.Result == models.Full:
			return nil, fullUnbounded(h, i, s), ""
		case op.Output.Result == models.Empty:
			o.Kind = Empty
		case in == models.Put || in == models.TryPut:
			if _, dup := puts[op.Input.Value]; dup {
				return nil, nil, "put values are not distinct, which the " + s.Checker + " does not cover"
			}
			o.Kind, o.Value = Push, op.Input.Value
			if op.Output.Result == models.Unknown {
				o.Ret = math.MaxInt64 // never returned: it precedes nothing
			}
			puts[o.Value] = int32(len(sh.Ops))
		default:
			o.Kind, o.Value = Pop, op.Output.Value
		}
		sh.Ops = append(sh.Ops, o)
	}
	for k := range sh.Ops {
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
// (lifo/bottom.go, fact R; prio/busy.go). A put with unknown outcome whose value was got took
// effect, and stays, with no return.
func (sh *Hist) dropUnknownNeverGot() {
	keep := make([]int32, len(sh.Ops)) // new index of each operation; -1: dropped
	ops := sh.Ops[:0]
	for k, o := range sh.Ops {
		if o.Kind == Push && o.Partner < 0 && sh.H.Operations[o.Orig].Output.Result == models.Unknown {
			keep[k] = -1
			continue
		}
		keep[k] = int32(len(ops))
		ops = append(ops, o)
	}
	for k := range ops {
		if ops[k].Partner >= 0 {
			ops[k].Partner = keep[ops[k].Partner]
		}
	}
	sh.Ops = ops
}

// join joins the pop k to its push, or returns the violation it makes.
func (sh *Hist) join(k int32, puts map[int64]int32) *fast.Result {
	o := &sh.Ops[k]
	if o.Kind != Pop {
		return nil
	}
	p, ok := puts[o.Value]
	switch {
	case !ok:
		return neverPut(sh.H, o.Value, int(o.Orig))
	case sh.Ops[p].Partner >= 0:
		return gotTwice(sh.H, o.Value, int(sh.Ops[sh.Ops[p].Partner].Orig), int(o.Orig))
	case o.Ret < sh.Ops[p].Call:
		return gotBeforePut(sh.H, o.Value, int(o.Orig), int(sh.Ops[p].Orig))
	}
	o.Partner, sh.Ops[p].Partner = p, k
	return nil
}
