package prio

import (
	"fmt"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/fast"
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
	if why := notDecided(h); why != "" {
		return fast.Result{Note: why}, false
	}
	sh, v, why := prepare(h)
	switch {
	case why != "":
		return fast.Result{Note: why}, false
	case v != nil:
		v.Note = "priority queue, distinct values"
		return *v, true
	}
	p := newPeeler(sh.ops)
	if !p.run() {
		r := explainStuck(h, p.left())
		r.Note = "priority queue, distinct values: left with no value that can end the first busy period"
		return r, true
	}
	note := "priority queue, distinct values: busy periods peeled to the end"
	if h.Capacity > 0 {
		note += fmt.Sprintf(" (capacity %d never binds: at most that many values put)", h.Capacity)
	}
	return fast.Result{Note: note}, true
}

// left returns the operations still present, as indices in
// History.Operations.
func (p *peeler) left() []int {
	var idx []int
	for _, o := range p.byCall {
		if p.present[o] {
			idx = append(idx, int(p.ops[o].orig))
		}
	}
	return idx
}
