package lifo

import (
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/linearizability/internal/peel/peeltest"
	"github.com/pcqkit/pcq/models"
)

var put, get, anEmpty = histgen.Put, histgen.Get, histgen.Empty

// checkCases are small stack histories whose verdict is known by hand.
var checkCases = []peeltest.Case{
	{Name: "later put got first", Ops: []history.Operation{put(0, 1, 0, 1), put(0, 2, 2, 3), get(1, 2, 4, 5), get(1, 1, 6, 7)},
		Says: "bottom values"},
	{Name: "earlier put got first", Ops: []history.Operation{put(0, 1, 0, 1), put(0, 2, 2, 3), get(1, 1, 4, 5), get(1, 2, 6, 7)},
		Violates: true, Culprits: []int{0, 1, 2, 3}, Says: "the get of 2 by client 1 (operation 3) must come before that get"},
	{Name: "overlapping puts, either order", Ops: []history.Operation{put(0, 1, 0, 3), put(1, 2, 1, 2), get(0, 1, 4, 5), get(1, 2, 6, 7)}},
	{Name: "empty under a never-got value", Ops: []history.Operation{put(0, 1, 0, 1), anEmpty(1, 2, 3)},
		Violates: true, Culprits: []int{0, 1}, Says: "is never got, so the stack is never empty after its put"},
	{Name: "empty while a value is certainly in", Ops: []history.Operation{put(0, 1, 0, 1), anEmpty(1, 2, 3), get(0, 1, 4, 5)},
		Violates: true, Culprits: []int{0, 1, 2}, Says: "answered empty"},
	{Name: "never-got value under a got one", Ops: []history.Operation{put(0, 1, 0, 1), put(0, 2, 2, 3), get(1, 2, 4, 5)}},
	{Name: "never-got value above a got one", Ops: []history.Operation{put(0, 1, 0, 1), put(0, 2, 2, 3), get(1, 1, 4, 5)},
		Violates: true, Culprits: []int{0, 1, 2}, Says: "never got, is put by"},
	// v's only possible place is the bottom; a is above v, and b, put
	// before v's get can be, comes off only after that get returned: the
	// closure takes two steps (a, then b) to see it.
	{Name: "closure of two steps", Ops: []history.Operation{put(0, 9, 0, 1), get(0, 9, 10, 20), put(1, 1, 2, 5), get(1, 1, 12, 13), put(2, 2, 3, 11), get(2, 2, 25, 26)},
		Violates: true, Says: "value 9"},
	{Name: "unknown put got: takes effect after a later put", Ops: []history.Operation{histgen.With(put(0, 1, 0, 0), models.Unknown), put(1, 2, 1, 2), get(1, 1, 3, 4), get(1, 2, 5, 6)}},
	{Name: "unknown put got: must take effect before its get", Ops: []history.Operation{histgen.With(put(0, 1, 0, 0), models.Unknown), put(1, 2, 1, 2), get(1, 1, 3, 4), get(2, 2, 5, 6), anEmpty(2, 7, 8), put(2, 3, 9, 10), get(1, 3, 11, 12), anEmpty(1, 13, 14)}},
}

func TestCheck(t *testing.T) { peeltest.Run(t, models.LIFO, Check, checkCases) }
