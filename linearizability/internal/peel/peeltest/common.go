package peeltest

import (
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

// Common are the cases whose verdict is the same for a stack and a
// priority queue: what the preparation catches, empties around a single
// value, and operations with no effect. Run checks them with the cases
// of each checker.
var Common = []Case{
	{Name: "empty between values", Ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Get(1, 1, 2, 3), histgen.Empty(0, 4, 5), histgen.Put(1, 2, 6, 7)}},
	{Name: "empty that may come first", Ops: []history.Operation{histgen.Put(0, 1, 1, 4), histgen.Empty(1, 0, 3), histgen.Get(0, 1, 5, 6)}},
	{Name: "got twice", Ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Get(1, 1, 2, 3), histgen.Get(2, 1, 4, 5)}, Violates: true, Culprits: []int{1, 2}, Says: "got twice"},
	{Name: "never put", Ops: []history.Operation{histgen.Get(0, 7, 0, 1)}, Violates: true, Culprits: []int{0}, Says: "never put"},
	{Name: "got before put", Ops: []history.Operation{histgen.Get(0, 7, 0, 1), histgen.Put(1, 7, 2, 3)}, Violates: true, Culprits: []int{0, 1}, Says: "before any put"},
	{Name: "unknown put never got: no effect", Ops: []history.Operation{histgen.With(histgen.Put(0, 1, 0, 0), models.Unknown), histgen.Put(1, 2, 1, 2), histgen.Get(1, 2, 3, 4), histgen.Empty(1, 5, 6)}},
	{Name: "canceled get has no effect", Ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.With(histgen.Get(1, 0, 2, 3), models.Canceled), histgen.Get(1, 1, 4, 5)}},
}
