package lifo

import (
	"slices"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

var put, get, anEmpty = histgen.Put, histgen.Get, histgen.Empty

// checkCases are small stack histories whose verdict is known by hand.
var checkCases = []struct {
	name     string
	ops      []history.Operation
	violates bool
	culprits []int  // nil: not checked
	says     string // a part of the explanation (violation) or note
}{
	{name: "later put got first", ops: []history.Operation{put(0, 1, 0, 1), put(0, 2, 2, 3), get(1, 2, 4, 5), get(1, 1, 6, 7)},
		says: "bottom values"},
	{name: "earlier put got first", ops: []history.Operation{put(0, 1, 0, 1), put(0, 2, 2, 3), get(1, 1, 4, 5), get(1, 2, 6, 7)},
		violates: true, culprits: []int{0, 1, 2, 3}, says: "the get of 2 by client 1 (operation 3) must come before that get"},
	{name: "overlapping puts, either order", ops: []history.Operation{put(0, 1, 0, 3), put(1, 2, 1, 2), get(0, 1, 4, 5), get(1, 2, 6, 7)}},
	{name: "empty between values", ops: []history.Operation{put(0, 1, 0, 1), get(1, 1, 2, 3), anEmpty(0, 4, 5), put(1, 2, 6, 7)}},
	{name: "empty under a never-got value", ops: []history.Operation{put(0, 1, 0, 1), anEmpty(1, 2, 3)},
		violates: true, culprits: []int{0, 1}, says: "is never got, so the stack is never empty after its put"},
	{name: "empty while a value is certainly in", ops: []history.Operation{put(0, 1, 0, 1), anEmpty(1, 2, 3), get(0, 1, 4, 5)},
		violates: true, culprits: []int{0, 1, 2}, says: "answered empty"},
	{name: "empty that may come first", ops: []history.Operation{put(0, 1, 1, 4), anEmpty(1, 0, 3), get(0, 1, 5, 6)}},
	{name: "never-got value under a got one", ops: []history.Operation{put(0, 1, 0, 1), put(0, 2, 2, 3), get(1, 2, 4, 5)}},
	{name: "never-got value above a got one", ops: []history.Operation{put(0, 1, 0, 1), put(0, 2, 2, 3), get(1, 1, 4, 5)},
		violates: true, culprits: []int{0, 1, 2}, says: "never got, is put by"},
	// v's only possible place is the bottom; a is above v, and b, put
	// before v's get can be, comes off only after that get returned: the
	// closure takes two steps (a, then b) to see it.
	{name: "closure of two steps", ops: []history.Operation{put(0, 9, 0, 1), get(0, 9, 10, 20), put(1, 1, 2, 5), get(1, 1, 12, 13), put(2, 2, 3, 11), get(2, 2, 25, 26)},
		violates: true, says: "value 9"},
	{name: "got twice", ops: []history.Operation{put(0, 1, 0, 1), get(1, 1, 2, 3), get(2, 1, 4, 5)}, violates: true, culprits: []int{1, 2}, says: "got twice"},
	{name: "never put", ops: []history.Operation{get(0, 7, 0, 1)}, violates: true, culprits: []int{0}, says: "never put"},
	{name: "got before put", ops: []history.Operation{get(0, 7, 0, 1), put(1, 7, 2, 3)}, violates: true, culprits: []int{0, 1}, says: "before any put"},
	{name: "unknown put never got: no effect", ops: []history.Operation{histgen.With(put(0, 1, 0, 0), models.Unknown), put(1, 2, 1, 2), get(1, 2, 3, 4), anEmpty(1, 5, 6)}},
	{name: "unknown put got: takes effect after a later put", ops: []history.Operation{histgen.With(put(0, 1, 0, 0), models.Unknown), put(1, 2, 1, 2), get(1, 1, 3, 4), get(1, 2, 5, 6)}},
	{name: "unknown put got: must take effect before its get", ops: []history.Operation{histgen.With(put(0, 1, 0, 0), models.Unknown), put(1, 2, 1, 2), get(1, 1, 3, 4), get(2, 2, 5, 6), anEmpty(2, 7, 8), put(2, 3, 9, 10), get(1, 3, 11, 12), anEmpty(1, 13, 14)}},
	{name: "canceled get has no effect", ops: []history.Operation{put(0, 1, 0, 1), histgen.With(get(1, 0, 2, 3), models.Canceled), get(1, 1, 4, 5)}},
}

func TestCheck(t *testing.T) {
	for _, c := range checkCases {
		t.Run(c.name, func(t *testing.T) {
			r, decided := Check(history.History{Kind: models.LIFO, Operations: c.ops})
			if !decided || r.Violation != c.violates {
				t.Fatalf("decided %v violation %v, want %v: %s %s", decided, r.Violation, c.violates, r.Explanation, r.Note)
			}
			if c.culprits != nil && !slices.Equal(r.Culprits, c.culprits) {
				t.Errorf("culprits %v, want %v: %s", r.Culprits, c.culprits, r.Explanation)
			}
			if !strings.Contains(r.Explanation+r.Note, c.says) {
				t.Errorf("explanation %q, note %q: want %q", r.Explanation, r.Note, c.says)
			}
			if got := histgen.BruteForce(history.History{Kind: models.LIFO, Operations: c.ops}); got == c.violates {
				t.Errorf("the brute-force search says linearizable=%v", got)
			}
		})
	}
}
