package prio

import (
	"slices"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

var put, get, anEmpty = histgen.Put, histgen.Get, histgen.Empty

// checkCases are small priority queue histories (smallest value first)
// whose verdict is known by hand.
var checkCases = []struct {
	name     string
	ops      []history.Operation
	violates bool
	culprits []int  // nil: not checked
	says     string // a part of the explanation (violation) or note
}{
	{name: "smaller got first", ops: []history.Operation{put(0, 2, 0, 1), put(0, 1, 2, 3), get(1, 1, 4, 5), get(1, 2, 6, 7)},
		says: "busy periods peeled"},
	{name: "larger got while smaller is in", ops: []history.Operation{put(0, 1, 0, 1), put(0, 2, 2, 3), get(1, 2, 4, 5), get(1, 1, 6, 7)},
		violates: true, culprits: []int{0, 1, 2, 3}, says: "the get of 1 by client 1 (operation 3) must come before that get"},
	{name: "smaller put may come after the get", ops: []history.Operation{put(0, 1, 0, 5), put(1, 2, 1, 2), get(2, 2, 3, 4), get(1, 1, 6, 7)}},
	{name: "both puts done before the get", ops: []history.Operation{put(0, 1, 0, 3), put(1, 2, 1, 2), get(0, 2, 4, 5), get(1, 1, 6, 7)},
		violates: true, culprits: []int{0, 1, 2, 3}},
	{name: "empty between values", ops: []history.Operation{put(0, 1, 0, 1), get(1, 1, 2, 3), anEmpty(0, 4, 5), put(1, 2, 6, 7)}},
	{name: "empty under a never-got value", ops: []history.Operation{put(0, 1, 0, 1), anEmpty(1, 2, 3)},
		violates: true, culprits: []int{0, 1}, says: "is never got, so the queue is never empty once it is in"},
	{name: "empty while a value is certainly in", ops: []history.Operation{put(0, 1, 0, 1), anEmpty(1, 2, 3), get(0, 1, 4, 5)},
		violates: true, culprits: []int{0, 1, 2}, says: "answered empty"},
	{name: "empty that may come first", ops: []history.Operation{put(0, 1, 1, 4), anEmpty(1, 0, 3), get(0, 1, 5, 6)}},
	{name: "larger never-got value", ops: []history.Operation{put(0, 5, 0, 1), put(0, 1, 2, 3), get(1, 1, 4, 5)}},
	{name: "smaller never-got value", ops: []history.Operation{put(0, 1, 0, 1), put(0, 5, 2, 3), get(1, 5, 4, 5)},
		violates: true, culprits: []int{0, 1, 2}, says: "value 1 (put by client 0 (operation 0)) is got, which never is, yet the largest value, 5, is got"},
	// The busy period of 3 ends with 9, whose get is called after every
	// operation returned at M: the candidate is grown from put(3).
	{name: "busy period grown from the first return", ops: []history.Operation{put(0, 3, 0, 1), put(1, 9, 2, 3), get(0, 3, 4, 5), get(1, 9, 6, 7), anEmpty(0, 8, 9)}},
	{name: "two busy periods, the second out of order", ops: []history.Operation{put(0, 3, 0, 1), get(0, 3, 2, 3), anEmpty(1, 4, 5), put(0, 4, 6, 7), put(1, 8, 8, 9), get(0, 8, 10, 11), get(1, 4, 12, 13)},
		violates: true, culprits: []int{3, 4, 5, 6}},
	{name: "got twice", ops: []history.Operation{put(0, 1, 0, 1), get(1, 1, 2, 3), get(2, 1, 4, 5)}, violates: true, culprits: []int{1, 2}, says: "got twice"},
	{name: "never put", ops: []history.Operation{get(0, 7, 0, 1)}, violates: true, culprits: []int{0}, says: "never put"},
	{name: "got before put", ops: []history.Operation{get(0, 7, 0, 1), put(1, 7, 2, 3)}, violates: true, culprits: []int{0, 1}, says: "before any put"},
	{name: "unknown put never got: no effect", ops: []history.Operation{histgen.With(put(0, 1, 0, 0), models.Unknown), put(1, 2, 1, 2), get(1, 2, 3, 4), anEmpty(1, 5, 6)}},
	{name: "unknown put got: takes effect after the get of a larger value", ops: []history.Operation{histgen.With(put(0, 1, 0, 0), models.Unknown), put(1, 2, 1, 2), get(1, 2, 3, 4), get(1, 1, 5, 6)}},
	{name: "canceled get has no effect", ops: []history.Operation{put(0, 1, 0, 1), histgen.With(get(1, 0, 2, 3), models.Canceled), get(1, 1, 4, 5)}},
}

func TestCheck(t *testing.T) {
	for _, c := range checkCases {
		t.Run(c.name, func(t *testing.T) {
			h := history.History{Kind: models.Priority, Operations: c.ops}
			r, decided := Check(h)
			if !decided || r.Violation != c.violates {
				t.Fatalf("decided %v violation %v, want %v: %s %s", decided, r.Violation, c.violates, r.Explanation, r.Note)
			}
			if c.culprits != nil && !slices.Equal(r.Culprits, c.culprits) {
				t.Errorf("culprits %v, want %v: %s", r.Culprits, c.culprits, r.Explanation)
			}
			if !strings.Contains(r.Explanation+r.Note, c.says) {
				t.Errorf("explanation %q, note %q: want %q", r.Explanation, r.Note, c.says)
			}
			if got := histgen.BruteForce(h); got == c.violates {
				t.Errorf("the brute-force search says linearizable=%v", got)
			}
		})
	}
}

// Histories the checker hands on, with the reason.
func TestHandsOn(t *testing.T) {
	cases := []struct {
		name string
		h    history.History
		says string
	}{
		{"a stack", history.History{Kind: models.LIFO, Operations: []history.Operation{put(0, 1, 0, 1)}}, "not priority queues"},
		{"repeated values", history.History{Kind: models.Priority, Operations: []history.Operation{put(0, 1, 0, 1), put(0, 1, 2, 3)}}, "not distinct"},
		{"unknown get", history.History{Kind: models.Priority, Operations: []history.Operation{put(0, 1, 0, 1), histgen.With(get(1, 0, 2, 2), models.Unknown)}}, "unknown gets"},
		{"capacity binds", history.History{Kind: models.Priority, Capacity: 1, Operations: []history.Operation{put(0, 1, 0, 1), put(0, 2, 2, 3)}}, "capacity could bind"},
	}
	for _, c := range cases {
		r, decided := Check(c.h)
		if decided || !strings.Contains(r.Note, c.says) {
			t.Errorf("%s: decided %v, note %q: want undecided, %q", c.name, decided, r.Note, c.says)
		}
	}
}
