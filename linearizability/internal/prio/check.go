package prio

import (
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/fast"
	"github.com/pcqkit/pcq/linearizability/internal/peel"
	"github.com/pcqkit/pcq/models"
)

// Check decides a history of a priority queue (the smallest value comes
// out first) with distinct put values: put, get and their try forms,
// empty answers, canceled operations (no effect), puts with unknown
// outcome (no effect unless their value was got), in polynomial time
// (busy.go). A bounded priority queue is decided when it holds no full
// answer and no more values are put than its capacity (it never binds).
//
// decided is false when the history holds something it cannot decide
// soundly: another kind of queue; len, task_done, join or shutdown; a
// get with unknown outcome; a capacity that could bind; put values that
// are not distinct. r.Note then says why, and the history should go to
// porcupine. When decided, a violation names a few operations that make
// it in r.Culprits and explains them in r.Explanation.
func Check(h history.History) (r fast.Result, decided bool) {
	return peel.Check(h, &structure)
}

// structure is what the priority queue's check does not share with the others
// built on package peel: the model, the names, the peeling rule (busy.go).
var structure = peel.Structure{
	Model:     models.Priority,
	Name:      "priority queue",
	Plural:    "priority queues",
	Checker:   "priority checker",
	Stuck:     "left with no value that can end the first busy period",
	Peeled:    "busy periods peeled to the end",
	NewPeeler: func(ops []peel.Op) peel.Peeler { return newPeeler(ops) },
	Explain:   explain,
}
