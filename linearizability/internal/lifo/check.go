package lifo

import (
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/fast"
	"github.com/pcqkit/pcq/linearizability/internal/peel"
	"github.com/pcqkit/pcq/models"
)

// Check decides a history of a stack with distinct put values: put, get
// and their try forms, empty answers, canceled operations (no effect),
// puts with unknown outcome (no effect unless their value was got), in
// polynomial time (bottom.go). A
// bounded stack is decided when it holds no full answer and no more
// values are put than its capacity (it never binds).
//
// decided is false when the history holds something it cannot decide
// soundly: another kind of queue; len, task_done, join or shutdown; a
// get with unknown outcome; a capacity that could bind; put values that are not
// distinct. r.Note then says why, and the history should go to porcupine.
// When decided, a violation names a few operations that make it in
// r.Culprits and explains them in r.Explanation.
func Check(h history.History) (r fast.Result, decided bool) {
	return peel.Check(h, &structure)
}

// structure is what the stack's check does not share with the others
// built on package peel: the model, the names, the peeling rule (bottom.go).
var structure = peel.Structure{
	Model:     models.LIFO,
	Name:      "stack",
	Plural:    "stacks",
	Checker:   "stack checker",
	Stuck:     "left with no bottom value",
	Peeled:    "bottom values peeled to the end",
	NewPeeler: func(ops []peel.Op) peel.Peeler { return newPeeler(ops) },
	Explain:   explain,
}
