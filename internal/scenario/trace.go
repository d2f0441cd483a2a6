package scenario

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/stress/sched"
)

// traceLines bounds a trace: the first traceHead and the last
// traceLines-traceHead steps of a longer one are shown.
const (
	traceLines = 60
	traceHead  = 12
)

// TraceText writes the steps of a traced run that matter, one a line:
// the steps of the goroutines of the operations that make the violation,
// from the first of those operations' calls to the last one's return (the
// history's times are the scheduler's clock, [sched.Now], on which each
// step has its [sched.Step.Time]), each with its goroutine, the
// operation it was in and the source line of the scheduling point; without
// culprits, the last steps of the run.
func TraceText(o Outcome, r *sched.Result) string {
	clientOf := map[int]int{}
	for c, g := range o.Goroutines {
		clientOf[g] = c
	}
	lo, hi, keep := traceWindow(o, r, clientOf)
	var lines []string
	for step := lo; step <= hi && step < len(r.Trace); step++ {
		s := r.Trace[step]
		if keep != nil && !keep[s.Goroutine] {
			continue
		}
		lines = append(lines, traceLine(o.History, step, s, clientOf))
	}
	if len(lines) > traceLines {
		cut := len(lines) - traceLines
		lines = slices.Concat(lines[:traceHead], []string{fmt.Sprintf("  ... %d steps ...", cut)}, lines[traceHead+cut:])
	}
	return strings.Join(lines, "\n") + "\n"
}

// traceWindow returns the steps [lo, hi] to show and the goroutines whose
// steps to show (nil: all).
func traceWindow(o Outcome, r *sched.Result, clientOf map[int]int) (lo, hi int, keep map[int]bool) {
	culprits := o.Report.Culprits
	if len(culprits) == 0 {
		return max(len(r.Trace)-traceLines, 0), len(r.Trace) - 1, nil
	}
	lo, hi, keep = len(r.Trace), 0, map[int]bool{}
	for _, i := range culprits {
		op := o.History.Operations[i]
		lo = min(lo, stepBefore(r.Trace, op.Call))
		hi = max(hi, stepBefore(r.Trace, op.Return))
		if op.Client < len(o.Goroutines) {
			keep[o.Goroutines[op.Client]] = true
		} else {
			keep = nil // a drainer's: show everyone
		}
		if keep == nil {
			break
		}
	}
	return max(lo, 0), hi, keep
}

// stepBefore returns the index of the last step of trace taken before
// logical time t: the step that let run the goroutine that read t (-1 if
// none).
func stepBefore(trace []sched.Step, t int64) int {
	n, _ := slices.BinarySearchFunc(trace, t, func(s sched.Step, t int64) int { return cmp.Compare(s.Time, t) })
	return n - 1
}

// traceLine writes one step: "step 12  client 1  put(7)  atomic.Uint64.Add at ops.go:13 (queue.(*engine[...]).TryPut)".
func traceLine(h history.History, step int, s sched.Step, clientOf map[int]int) string {
	who, in := fmt.Sprintf("goroutine %d", s.Goroutine), ""
	if c, ok := clientOf[s.Goroutine]; ok {
		who = fmt.Sprintf("client %d", c)
		in = opAt(h, c, s.Time)
	}
	return fmt.Sprintf("  step %4d  %-11s %-26s %s at %s", step, who, in, s.What, s.At)
}

// opAt describes the operation that client c was in at logical time t.
func opAt(h history.History, c int, t int64) string {
	for _, op := range h.Operations {
		if op.Client == c && op.Call <= t && (op.Output.Result == models.Unknown || t <= op.Return) {
			return models.DescribeOperation(op.Input, op.Output)
		}
	}
	return ""
}
