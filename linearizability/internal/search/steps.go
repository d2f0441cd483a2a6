package search

import (
	"sync/atomic"

	"github.com/anishathalye/porcupine"
)

// A work budget for porcupine, counted in steps of the model it tries.
// Unlike a time limit it does not depend on the machine or on its load:
// porcupine's search over one partition (a queue has one) is sequential
// and deterministic, so a history gets the same verdict under the same
// budget anywhere, and an undecided history stays undecided on a replay.
// Once the budget is spent the model refuses every step, the search
// unwinds, and the verdict is unknown (never a pass, unless a
// linearization was already found).

// stepBudget counts the steps porcupine asks the model for.
type stepBudget struct {
	limit   int64 // 0: none
	steps   atomic.Int64
	reached atomic.Bool
}

// wrap makes m count its steps and refuse every one past the budget.
func (sb *stepBudget) wrap(m porcupine.Model) porcupine.Model {
	if sb.limit <= 0 {
		return m
	}
	step := m.Step
	m.Step = func(state, input, output any) (bool, any) {
		if sb.steps.Add(1) > sb.limit {
			sb.reached.Store(true)
			return false, nil
		}
		return step(state, input, output)
	}
	return m
}
