// Package peeltest runs, in the tests of the checkers built on package
// peel (lifo, prio), their small histories whose verdict is known by
// hand.
package peeltest

import (
	"slices"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/fast"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

// Case is a small history whose verdict is known by hand.
type Case struct {
	Name     string
	Ops      []history.Operation
	Violates bool
	Culprits []int  // nil: not checked
	Says     string // a part of the explanation (violation) or note
}

// Run checks each case and each of Common, a history of kind, with
// check: it must be
// decided, with the verdict, culprits and words of the case, and
// histgen's brute-force search must agree with the verdict.
func Run(t *testing.T, kind models.Kind, check func(history.History) (fast.Result, bool), cases []Case) {
	t.Helper()
	for _, c := range slices.Concat(cases, Common) {
		t.Run(c.Name, func(t *testing.T) {
			h := history.History{Kind: kind, Operations: c.Ops}
			r, decided := check(h)
			if !decided || r.Violation != c.Violates {
				t.Fatalf("decided %v violation %v, want %v: %s %s", decided, r.Violation, c.Violates, r.Explanation, r.Note)
			}
			if c.Culprits != nil && !slices.Equal(r.Culprits, c.Culprits) {
				t.Errorf("culprits %v, want %v: %s", r.Culprits, c.Culprits, r.Explanation)
			}
			if !strings.Contains(r.Explanation+r.Note, c.Says) {
				t.Errorf("explanation %q, note %q: want %q", r.Explanation, r.Note, c.Says)
			}
			if got := histgen.BruteForce(h); got == c.Violates {
				t.Errorf("the brute-force search says linearizable=%v", got)
			}
		})
	}
}
