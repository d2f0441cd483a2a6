package peel

import "github.com/pcqkit/pcq/models"

// Structure is what differs between the checkers built on this package:
// the model kind they decide, the structure's names in messages and
// notes, and its peeling rule with the explanation of a history left
// with nothing to peel.
type Structure struct {
	Model   models.Kind // the kind of history decided
	Name    string      // the structure in messages: "stack"
	Plural  string      // Name in the plural: "stacks"
	Checker string      // the checker in messages: "stack checker"
	Stuck   string      // the note's end when nothing can be peeled: "left with no bottom value"
	Peeled  string      // the note's end when all is peeled: "bottom values peeled to the end"
	// NewPeeler starts peeling the prepared operations ops by the rule.
	NewPeeler func(ops []Op) Peeler
	// Explain words why the shrunk operations are a violation: a history
	// left with nothing to peel.
	Explain func(s Shrunk) string
}

// Peeler peels values off a prepared history by a structure's rule.
type Peeler interface {
	// Run peels until only empties are left (true) or nothing can be
	// peeled (false).
	Run() bool
	// Left returns the operations still present, as indices in
	// History.Operations, by call.
	Left() []int
}

// note is the note of a decided history of s, ending with end when given.
func (s *Structure) note(end string) string {
	if end == "" {
		return s.Name + ", distinct values"
	}
	return s.Name + ", distinct values: " + end
}
