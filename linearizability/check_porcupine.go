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
// when it has not decided within lim.Timeout (0: no limit), its memo
// reached lim.Memory or it tried lim.Steps steps of the model (0: no
// limit), the verdict is Unknown, never a pass. An operation with an unknown result is given a
// return after every other event, so that it may take effect at any point
// after its call, or never.
//
// A violation is shrunk to a small set of operations that still make it
// (greedily, within a few seconds), named in r.Culprits and explained in
// r.Explanation with their lines.
func checkPorcupine(h history.History, lim search.Limits) Report {
	start := time.Now()
	r := Report{Checker: "porcupine", Operations: len(h.Operations)}
	if why := search.Unfit(h); why != "" {
		r.Verdict, r.Explanation = Unknown, why
		r.Elapsed = time.Since(start)
		return r
	}
	out := search.Check(h, search.Indices(len(h.Operations)), lim)
	if searched := out.Searched; searched < len(h.Operations) {
		r.Note = fmt.Sprintf("porcupine searched %d of the %d operations: the others are canceled, or a put and the get of its value that no other operation must come between (on a stack, such a pair changes nothing that the others see)",
			searched, len(h.Operations))
	}
	switch {
	case out.Result == porcupine.Ok:
		r.Verdict = Linearizable
	case out.MemoryReached:
		r.Verdict = Unknown
		r.Explanation = memoryReached(lim.Memory)
	case out.StepsReached:
		r.Verdict = Unknown
		r.Explanation = fmt.Sprintf("step budget of %d reached (steps of the model): porcupine's search stopped before deciding; a larger budget (WithSteps, harness.WithCheckSteps, pcq check -steps) or a shorter history would decide it", lim.Steps)
	case out.Result == porcupine.Unknown:
		r.Verdict = Unknown
		r.Explanation = fmt.Sprintf("porcupine did not decide within %v", lim.Timeout)
	default:
		r.Verdict = Violation
		budget := shrinkBudget
		if timeout := lim.Timeout; timeout > 0 {
			budget = min(budget, max(timeout-time.Since(start), timeout/4))
		}
		r.Culprits, r.Explanation = explainViolation(h, budget, lim.Memory)
	}
	r.Elapsed = time.Since(start)
	return r
}

// shrinkBudget bounds the time spent making a violation small.
const shrinkBudget = 5 * time.Second

// memoryReached says that porcupine stopped at the memory budget, and
// what would decide the history.
func memoryReached(budget int64) string {
	return fmt.Sprintf("memory budget reached (%s): porcupine's search stopped before deciding; a larger budget (WithMemoryBudget, pcq check -mem) or a shorter history would decide it, or, for a FIFO, stack or priority history with distinct values, one the fast checker covers",
		FormatBytes(budget))
}

// FormatBytes writes a number of bytes the way a memory budget is given:
// "1.5 GiB", "512 MiB", "900 B".
func FormatBytes(n int64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB"}
	x, u := float64(n), 0
	for x >= 1024 && u < len(units)-1 {
		x /= 1024
		u++
	}
	if x == float64(int64(x)) {
		return fmt.Sprintf("%d %s", int64(x), units[u])
	}
	return fmt.Sprintf("%.1f %s", x, units[u])
}
