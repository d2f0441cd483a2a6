package prio

import (
	"strings"
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/linearizability/internal/peel/peeltest"
	"github.com/pcqkit/pcq/models"
)

var put, get, anEmpty = histgen.Put, histgen.Get, histgen.Empty

// checkCases are small priority queue histories (smallest value first)
// whose verdict is known by hand.
var checkCases = []peeltest.Case{
	{Name: "smaller got first", Ops: []history.Operation{put(0, 2, 0, 1), put(0, 1, 2, 3), get(1, 1, 4, 5), get(1, 2, 6, 7)},
		Says: "busy periods peeled"},
	{Name: "larger got while smaller is in", Ops: []history.Operation{put(0, 1, 0, 1), put(0, 2, 2, 3), get(1, 2, 4, 5), get(1, 1, 6, 7)},
		Violates: true, Culprits: []int{0, 1, 2, 3}, Says: "the get of 1 by client 1 (operation 3) must come before that get"},
	{Name: "smaller put may come after the get", Ops: []history.Operation{put(0, 1, 0, 5), put(1, 2, 1, 2), get(2, 2, 3, 4), get(1, 1, 6, 7)}},
	{Name: "both puts done before the get", Ops: []history.Operation{put(0, 1, 0, 3), put(1, 2, 1, 2), get(0, 2, 4, 5), get(1, 1, 6, 7)},
		Violates: true, Culprits: []int{0, 1, 2, 3}},
	{Name: "empty under a never-got value", Ops: []history.Operation{put(0, 1, 0, 1), anEmpty(1, 2, 3)},
		Violates: true, Culprits: []int{0, 1}, Says: "is never got, so the queue is never empty once it is in"},
	{Name: "empty while a value is certainly in", Ops: []history.Operation{put(0, 1, 0, 1), anEmpty(1, 2, 3), get(0, 1, 4, 5)},
		Violates: true, Culprits: []int{0, 1, 2}, Says: "answered empty"},
	{Name: "larger never-got value", Ops: []history.Operation{put(0, 5, 0, 1), put(0, 1, 2, 3), get(1, 1, 4, 5)}},
	{Name: "smaller never-got value", Ops: []history.Operation{put(0, 1, 0, 1), put(0, 5, 2, 3), get(1, 5, 4, 5)},
		Violates: true, Culprits: []int{0, 1, 2}, Says: "value 1 (put by client 0 (operation 0)) is got, which never is, yet the largest value, 5, is got"},
	// The busy period of 3 ends with 9, whose get is called after every
	// operation returned at M: the candidate is grown from put(3).
	{Name: "busy period grown from the first return", Ops: []history.Operation{put(0, 3, 0, 1), put(1, 9, 2, 3), get(0, 3, 4, 5), get(1, 9, 6, 7), anEmpty(0, 8, 9)}},
	{Name: "two busy periods, the second out of order", Ops: []history.Operation{put(0, 3, 0, 1), get(0, 3, 2, 3), anEmpty(1, 4, 5), put(0, 4, 6, 7), put(1, 8, 8, 9), get(0, 8, 10, 11), get(1, 4, 12, 13)},
		Violates: true, Culprits: []int{3, 4, 5, 6}},
	{Name: "unknown put got: takes effect after the get of a larger value", Ops: []history.Operation{histgen.With(put(0, 1, 0, 0), models.Unknown), put(1, 2, 1, 2), get(1, 2, 3, 4), get(1, 1, 5, 6)}},
}

func TestCheck(t *testing.T) { peeltest.Run(t, models.Priority, Check, checkCases) }

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
