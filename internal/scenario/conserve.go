package scenario

import (
	"fmt"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// finding is a failed cheap check: which, why, and the operations (indices
// in the history) that show it.
type finding struct {
	check    harness.Check
	msg      string
	culprits []int
}

func found(c harness.Check, culprits []int, format string, args ...any) *finding {
	return &finding{check: c, msg: fmt.Sprintf(format, args...), culprits: culprits}
}

// conserve runs the cheap checks on a finished, drained history: nothing
// from nowhere (every value got was put, by a put that did not fail, and
// not after the get), nothing duplicated, nothing lost (every value put
// was got, or an immediate shutdown may have discarded it), and, for
// FIFO, each client's values got in the order it put them. Under Lossy
// (lossy), values put and never got are not a failure. It returns nil, or
// what failed first.
func conserve(h history.History, lossy bool) *finding {
	ops := h.Operations
	puts := make(map[int64]int)    // value -> index of its put
	gets := make(map[int64]int)    // value -> index of its first ok get
	lastDiscard := int64(-1 << 63) // the latest return of an ok immediate shutdown
	for i, op := range ops {
		switch op.Input.Op {
		case models.Put, models.TryPut:
			puts[op.Input.Value] = i
		case models.Shutdown:
			if op.Input.Immediate && op.Output.Result == models.OK {
				lastDiscard = max(lastDiscard, op.Return)
			}
		}
	}
	for i, op := range ops {
		if !isGet(op) || op.Output.Result != models.OK {
			continue
		}
		v := op.Output.Value
		if f := fromNowhere(ops, puts, i); f != nil {
			return f
		}
		if j, twice := gets[v]; twice {
			return found(harness.Conservation, []int{puts[v], j, i}, "duplicated: value %d was got twice, by %s and by %s", v, ref(ops, j), ref(ops, i))
		}
		gets[v] = i
	}
	for i, op := range ops {
		if lossy || !isPut(op) || op.Output.Result != models.OK {
			continue
		}
		if _, got := gets[op.Input.Value]; !got && op.Call > lastDiscard {
			return found(harness.Conservation, []int{i}, "lost: value %d put by %s was never got, and no immediate shutdown could have discarded it (the final drain emptied the queue)",
				op.Input.Value, ref(ops, i))
		}
	}
	if h.Kind == models.FIFO {
		return perProducer(ops, gets)
	}
	return nil
}

func isPut(op history.Operation) bool {
	return op.Input.Op == models.Put || op.Input.Op == models.TryPut
}

func isGet(op history.Operation) bool {
	return op.Input.Op == models.Get || op.Input.Op == models.TryGet
}

// fromNowhere checks that the value got by ops[i] was put, by a put that
// did not fail, called before the get returned.
func fromNowhere(ops []history.Operation, puts map[int64]int, i int) *finding {
	v := ops[i].Output.Value
	j, ok := puts[v]
	if !ok {
		return found(harness.Conservation, []int{i}, "from nowhere: value %d got by %s was never put", v, ref(ops, i))
	}
	switch r := ops[j].Output.Result; r {
	case models.OK, models.Unknown:
	default:
		return found(harness.Conservation, []int{j, i}, "from nowhere: value %d was got by %s, but its %s returned %v: a failed put must have no effect",
			v, ref(ops, i), ref(ops, j), r)
	}
	if ops[i].Return < ops[j].Call {
		return found(harness.Conservation, []int{j, i}, "from nowhere: value %d was got by %s, which returned before its %s was called",
			v, ref(ops, i), ref(ops, j))
	}
	return nil
}

// perProducer checks that no client's value was got (its get returned)
// before the get of a value the client put earlier was called.
func perProducer(ops []history.Operation, gets map[int64]int) *finding {
	type latest struct {
		call     int64 // the latest call of a get of an earlier value
		get, put int   // that get and its value's put
	}
	seen := make(map[int]latest) // client -> its latest get so far
	for i, op := range ops {
		if !isPut(op) || op.Output.Result != models.OK {
			continue
		}
		g, got := gets[op.Input.Value]
		if !got {
			continue
		}
		l, any := seen[op.Client]
		if any && ops[g].Return < l.call {
			return found(harness.Order, []int{l.put, i, g, l.get},
				"per-producer order: %s put %d before %s put %d, but %d was got by %s, which returned before %s (getting %d) was called",
				ref(ops, l.put), ops[l.put].Input.Value, ref(ops, i), op.Input.Value,
				op.Input.Value, ref(ops, g), ref(ops, l.get), ops[l.put].Input.Value)
		}
		if !any || ops[g].Call > l.call {
			seen[op.Client] = latest{call: ops[g].Call, get: g, put: i}
		}
	}
	return nil
}

// ref names an operation: "client 3's put (operation 17)".
func ref(ops []history.Operation, i int) string {
	return fmt.Sprintf("client %d's %v (operation %d)", ops[i].Client, ops[i].Input.Op, i)
}
