package peel

import (
	"fmt"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/fast"
)

// Check decides a history h of s with distinct put values: put, get and
// their try forms, empty answers, canceled operations (no effect), puts
// with unknown outcome (no effect unless their value was got), in
// polynomial time, by peeling values off it by the rule of s. A bounded
// structure is decided when it holds no full answer and no more values
// are put than its capacity (it never binds).
//
// decided is false when the history holds something it cannot decide
// soundly: another kind of queue; len, task_done, join or shutdown; a
// get with unknown outcome; a capacity that could bind; put values that
// are not distinct. r.Note then says why, and the history should go to
// porcupine. When decided, a violation names a few operations that make
// it in r.Culprits and explains them in r.Explanation.
func Check(h history.History, s *Structure) (r fast.Result, decided bool) {
	if why := notDecided(h, s); why != "" {
		return fast.Result{Note: why}, false
	}
	sh, v, why := Prepare(h, s)
	switch {
	case why != "":
		return fast.Result{Note: why}, false
	case v != nil:
		v.Note = s.note("")
		return *v, true
	}
	p := s.NewPeeler(sh.Ops)
	if !p.Run() {
		r := explainStuck(h, p.Left(), s)
		r.Note = s.note(s.Stuck)
		return r, true
	}
	note := s.note(s.Peeled)
	if h.Capacity > 0 {
		note += fmt.Sprintf(" (capacity %d never binds: at most that many values put)", h.Capacity)
	}
	return fast.Result{Note: note}, true
}
