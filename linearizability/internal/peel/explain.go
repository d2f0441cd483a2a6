package peel

import (
	"fmt"
	"slices"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/fast"
	"github.com/pcqkit/pcq/models"
)

// Violation returns the result for a violation made by the operations
// culprits (indices in History.Operations), explained by text.
func Violation(text string, culprits ...int) *fast.Result {
	c := slices.Clone(culprits)
	slices.Sort(c)
	return &fast.Result{Violation: true, Explanation: text, Culprits: slices.Compact(c)}
}

// fullUnbounded explains a try_put answered full on an unbounded s.
func fullUnbounded(h history.History, i int, s *Structure) *fast.Result {
	return Violation(fmt.Sprintf("try_put of %d by %s answered full, but the %s is unbounded",
		h.Operations[i].Input.Value, h.Who(i), s.Name), i)
}

// neverPut explains a get of a value that no put with effect put.
func neverPut(h history.History, v int64, get int) *fast.Result {
	for i, op := range h.Operations {
		if (op.Input.Op == models.Put || op.Input.Op == models.TryPut) && op.Input.Value == v {
			return Violation(fmt.Sprintf("value %d was got by %s, but its put by %s answered %s and had no effect",
				v, h.Who(get), h.Who(i), op.Output.Result), get, i)
		}
	}
	return Violation(fmt.Sprintf("value %d was got by %s but never put", v, h.Who(get)), get)
}

// gotTwice explains a value got by two gets.
func gotTwice(h history.History, v int64, a, b int) *fast.Result {
	return Violation(fmt.Sprintf("value %d was got twice: by %s and by %s", v, h.Who(a), h.Who(b)), a, b)
}

// gotBeforePut explains a get that returned before the put of its value
// was called.
func gotBeforePut(h history.History, v int64, get, put int) *fast.Result {
	return Violation(fmt.Sprintf("value %d was got by %s before any put of %d began: its put by %s was called later",
		v, h.Who(get), v, h.Who(put)), get, put)
}
