package search

import (
	"github.com/anishathalye/porcupine"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// Pruning porcupine's search on FIFO histories with distinct values.
//
// In a FIFO queue an item put before another is also removed before it.
// When both are removed by gets that returned them (values distinct, so
// no other operation can have removed them), and the get of u returned
// before the get of w was called, u must have been put before w. So a put
// of u that would go behind a w still queued can lead to no
// linearization: the pruned model refuses it at once, instead of letting
// porcupine explore every later step before the gets refute it. The
// pruning is sound (it refuses only orders that fail later anyway) and
// changes no verdict; on histories with concurrent puts it cuts the search
// by orders of magnitude.

// In a LIFO stack an item put on top of another is removed before it. So
// a put of v onto a stack that holds a u whose get returned before the get
// of v was called can lead to no linearization either (both got by gets
// that returned them, so neither was discarded by a shutdown): the pruned
// model refuses it too.

// pruneInfo is, for each value got by exactly one get with ok, when
// that get was called and returned; and the order of the queue.
type pruneInfo struct {
	kind models.Kind
	gets map[int64][2]int64
}

// pruneInfoOf returns the information pruning needs, or nil when the
// history is not one it applies to (priority, or values not distinct).
func pruneInfoOf(h history.History) *pruneInfo {
	if h.Kind != models.FIFO && h.Kind != models.LIFO {
		return nil
	}
	put := map[int64]bool{}
	info := map[int64][2]int64{}
	dup := map[int64]bool{}
	for _, op := range h.Operations {
		switch op.Input.Op {
		case models.Put, models.TryPut:
			if put[op.Input.Value] {
				return nil
			}
			put[op.Input.Value] = true
		case models.Get, models.TryGet:
			if op.Output.Result != models.OK {
				continue
			}
			v := op.Output.Value
			if _, seen := info[v]; seen {
				dup[v] = true
			}
			info[v] = [2]int64{op.Call, op.Return}
		}
	}
	for v := range dup {
		delete(info, v) // got twice: a violation that porcupine finds alone
	}
	return &pruneInfo{kind: h.Kind, gets: info}
}

// prune wraps m's Step so that it refuses puts that info rules out.
func (info *pruneInfo) prune(m porcupine.Model) porcupine.Model {
	if info == nil || len(info.gets) == 0 {
		return m
	}
	step := m.Step
	m.Step = func(state, input, output any) (bool, any) {
		ok, next := step(state, input, output)
		in := input.(models.Input)
		if !ok || (in.Op != models.Put && in.Op != models.TryPut) {
			return ok, next
		}
		get, got := info.gets[in.Value]
		if !got {
			return ok, next
		}
		if info.kind == models.LIFO {
			return info.keepLIFO(next, in.Value, get[0])
		}
		return info.keep(next, in.Value, get[1])
	}
	return m
}

// keep reports whether next may stay: false when it is one state in which
// u was put behind a value whose get was called after u's get returned (at
// ret). Sets of states (after unknown results) are kept whole: pruning is
// an optimisation, never needed.
func (info *pruneInfo) keep(next any, u, ret int64) (bool, any) {
	st, single := next.(models.State)
	if !single {
		return true, next
	}
	for w := range st.All() {
		if w == u {
			return true, next
		}
		if get, got := info.gets[w]; got && get[0] > ret {
			return false, nil
		}
	}
	return true, next
}

// keepLIFO reports whether next may stay: false when it is one state in
// which v was put on top of a value whose get returned before v's get was
// called (at call). Sets of states are kept whole, as in keep.
func (info *pruneInfo) keepLIFO(next any, v, call int64) (bool, any) {
	st, single := next.(models.State)
	if !single {
		return true, next
	}
	for w := range st.All() {
		if get, got := info.gets[w]; got && w != v && get[1] < call {
			return false, nil
		}
	}
	return true, next
}
