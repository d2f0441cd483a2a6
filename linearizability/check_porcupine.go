package linearizability

import (
	"fmt"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/search"
)

// checkPorcupine checks h with porcupine over the sequential model of
// h.Kind and h.Capacity. It is exact, and exponential in the worst case:
// when it has not decided within timeout (0: no limit) the verdict is
// Unknown, never a pass. An operation with an unknown result is given a
// return after every other event, so that it may take effect at any point
// after its call, or never.
//
// A violation is shrunk to a small set of operations that still make it
// (greedily, within a few seconds), named in r.Culprits and explained in
// r.Explanation with their lines.
func checkPorcupine(h history.History, timeout time.Duration) Report {
	start := time.Now()
	r := Report{Checker: "porcupine", Operations: len(h.Operations)}
	if why := search.Unfit(h); why != "" {
		r.Verdict, r.Explanation = Unknown, why
		r.Elapsed = time.Since(start)
		return r
	}
	res, searched := search.Check(h, search.Indices(len(h.Operations)), timeout)
	if searched < len(h.Operations) {
		r.Note = fmt.Sprintf("porcupine searched %d of the %d operations: the others are canceled, or a put and the get of its value that no other operation must come between (on a stack, such a pair changes nothing that the others see)",
			searched, len(h.Operations))
	}
	switch res {
	case porcupine.Ok:
		r.Verdict = Linearizable
	case porcupine.Unknown:
		r.Verdict = Unknown
		r.Explanation = fmt.Sprintf("porcupine did not decide within %v", timeout)
	default:
		r.Verdict = Violation
		budget := shrinkBudget
		if timeout > 0 {
			budget = min(budget, max(timeout-time.Since(start), timeout/4))
		}
		r.Culprits, r.Explanation = explainViolation(h, budget)
	}
	r.Elapsed = time.Since(start)
	return r
}

// shrinkBudget bounds the time spent making a violation small.
const shrinkBudget = 5 * time.Second
