package search

import (
	"sync/atomic"

	"github.com/anishathalye/porcupine"
)

// A memory budget for porcupine. Porcupine memoises every state it
// reaches: for each step the model accepts (and that is new), it keeps a
// copy of the bitset of the operations linearized (one bit per operation
// of the history) and the state, and pushes the step on its stack. Its
// memory grows with (steps accepted) x (history length / 8 bytes): on a
// million operations, a few thousand steps a second reach the kernel's
// limit in minutes. The model is wrapped to count the steps it accepts
// and estimate those bytes; once the estimate passes the budget it
// accepts no more steps, so the search unwinds and stops growing, and the
// verdict is unknown (never a pass: a search whose steps were refused
// proves nothing, unless it had already found a linearization).

// meter counts the bytes porcupine's memo is estimated to hold.
type meter struct {
	perStep int64 // bitset and bookkeeping of one memo entry
	limit   int64 // 0: none
	bytes   atomic.Int64
	reached atomic.Bool
}

// newMeter returns a meter for a search over n operations.
func newMeter(n int, limit int64) *meter {
	bitset := 8 * int64((n+63)/64)
	return &meter{perStep: bitset + memoOverhead, limit: limit}
}

// memoOverhead is the bytes of one memo entry besides its bitset and
// state: the bitset's slice header, the entry, its share of the map, and
// the stack entry of the step.
const memoOverhead = 24 + 40 + 32 + 24

// stateBytes estimates the bytes of a state of the models package.
func stateBytes(state any) int64 {
	if s, ok := state.(interface{ Len() int }); ok {
		return 96 + 8*int64(s.Len())
	}
	return 256 // a set of states (after unknown results)
}

// wrap makes m count the steps it accepts and refuse every step once the
// budget is reached.
func (mt *meter) wrap(m porcupine.Model) porcupine.Model {
	if mt.limit <= 0 {
		return m
	}
	step := m.Step
	m.Step = func(state, input, output any) (bool, any) {
		if mt.reached.Load() {
			return false, nil
		}
		ok, next := step(state, input, output)
		if ok && mt.bytes.Add(mt.perStep+stateBytes(next)) > mt.limit {
			mt.reached.Store(true)
			return false, nil
		}
		return ok, next
	}
	return m
}
