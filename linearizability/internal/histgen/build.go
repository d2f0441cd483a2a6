package histgen

import (
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// Builders for hand-written histories, for the checkers' tests: client c,
// value v, interval [a, b].

// Put returns client c's put of v, called at a, returned ok at b.
func Put(c int, v, a, b int64) history.Operation {
	return history.Operation{Client: c, Input: models.Input{Op: models.Put, Value: v}, Call: a, Return: b}
}

// TryPut returns client c's try_put of v, called at a, returned r at b.
func TryPut(c int, v, a, b int64, r models.Result) history.Operation {
	return history.Operation{Client: c, Input: models.Input{Op: models.TryPut, Value: v}, Output: models.Output{Result: r}, Call: a, Return: b}
}

// Get returns client c's get, called at a, that returned v (ok) at b.
func Get(c int, v, a, b int64) history.Operation {
	return history.Operation{Client: c, Input: models.Input{Op: models.Get}, Output: models.Output{Value: v}, Call: a, Return: b}
}

// Empty returns client c's try_get, called at a, answered empty at b.
func Empty(c int, a, b int64) history.Operation {
	return history.Operation{Client: c, Input: models.Input{Op: models.TryGet}, Output: models.Output{Result: models.Empty}, Call: a, Return: b}
}

// With returns op with the result r; an unknown result has no return.
func With(op history.Operation, r models.Result) history.Operation {
	op.Output.Result = r
	if r == models.Unknown {
		op.Return = 0
	}
	return op
}
