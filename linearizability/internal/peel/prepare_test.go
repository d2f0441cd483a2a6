package peel

import (
	"slices"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

// plain is a Structure for the tests: it peels nothing.
var plain = Structure{Model: models.LIFO, Name: "pile", Plural: "piles", Checker: "pile checker"}

func TestPrepareViolations(t *testing.T) {
	put, get := histgen.Put, histgen.Get
	cases := []struct {
		name     string
		ops      []history.Operation
		culprits []int
		says     string
	}{
		{"never put", []history.Operation{get(0, 7, 0, 1)}, []int{0}, "never put"},
		{"got twice", []history.Operation{put(0, 1, 0, 1), get(1, 1, 2, 3), get(2, 1, 4, 5)}, []int{1, 2}, "got twice"},
		{"got before put", []history.Operation{get(0, 7, 0, 1), put(1, 7, 2, 3)}, []int{0, 1}, "before any put"},
		{"full on unbounded", []history.Operation{histgen.With(put(0, 1, 0, 1), models.Full)}, []int{0}, "but the pile is unbounded"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, v, why := Prepare(history.History{Kind: models.LIFO, Operations: c.ops}, &plain)
			if v == nil || why != "" {
				t.Fatalf("violation %v, reason %q: want a violation", v, why)
			}
			if !slices.Equal(v.Culprits, c.culprits) || !strings.Contains(v.Explanation, c.says) {
				t.Errorf("culprits %v, explanation %q: want %v, %q", v.Culprits, v.Explanation, c.culprits, c.says)
			}
		})
	}
}

func TestPrepareJoinsAndDrops(t *testing.T) {
	put, get := histgen.Put, histgen.Get
	ops := []history.Operation{histgen.With(put(0, 1, 0, 0), models.Unknown), put(1, 2, 1, 2), histgen.With(get(1, 0, 3, 4), models.Canceled), get(1, 2, 5, 6)}
	sh, v, why := Prepare(history.History{Kind: models.LIFO, Operations: ops}, &plain)
	if v != nil || why != "" {
		t.Fatalf("violation %v, reason %q", v, why)
	}
	if len(sh.Ops) != 2 || sh.Ops[0].Orig != 1 || sh.Ops[1].Orig != 3 || sh.Ops[0].Partner != 1 || sh.Ops[1].Partner != 0 {
		t.Fatalf("prepared %+v: want the put of 2 joined to its get, the rest dropped", sh.Ops)
	}
	dup := []history.Operation{put(0, 1, 0, 1), put(1, 1, 2, 3)}
	if _, _, why := Prepare(history.History{Kind: models.LIFO, Operations: dup}, &plain); why != "put values are not distinct, which the pile checker does not cover" {
		t.Errorf("reason %q", why)
	}
}
