package linearizability

import (
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// VisualizeMax is the largest history that [Visualize] draws whole. Larger
// ones are drawn only for a violation, as its culprits with a little
// context: porcupine's drawing grows with the history and the queue's
// length (a 10,000-operation history once gave a 200 MB file).
const VisualizeMax = 500

// visualContext bounds the operations drawn around a violation's culprits.
const visualContext = 40

// visualTimeout bounds porcupine's search for the drawing.
const visualTimeout = 10 * time.Second

// Visualize writes porcupine's HTML drawing of h, checked as r says: the
// whole history when it has at most [VisualizeMax] operations, otherwise,
// for a violation, its culprits (r.Culprits) with the operations around
// them. The culprits are marked in a row of their own. A large history
// that is not a violation is an error: there is nothing small to draw.
func Visualize(h history.History, r Report, w io.Writer) error {
	if why := porcupineUnfit(h); why != "" {
		return fmt.Errorf("%s", why)
	}
	for _, i := range r.Culprits {
		if i < 0 || i >= len(h.Operations) {
			return fmt.Errorf("linearizability: culprit %d is not an operation of the history", i)
		}
	}
	var info porcupine.LinearizationInfo
	switch {
	case len(h.Operations) <= VisualizeMax:
		_, info = visualCheck(h, indices(len(h.Operations)))
	case r.Verdict == Violation && len(r.Culprits) > 0:
		var res porcupine.CheckResult
		res, info = visualCheck(h, withContext(h, r.Culprits))
		if res == porcupine.Ok { // the context hides the violation
			_, info = visualCheck(h, r.Culprits)
		}
	default:
		return fmt.Errorf("linearizability: %d operations are too many to visualize (at most %d, or a violation's culprits)",
			len(h.Operations), VisualizeMax)
	}
	info.AddAnnotations(culpritAnnotations(h, r.Culprits))
	return porcupine.Visualize(specModel(h), info, w)
}

func visualCheck(h history.History, idx []int) (porcupine.CheckResult, porcupine.LinearizationInfo) {
	return porcupine.CheckOperationsVerbose(specModel(h), porcupineOps(h, idx), visualTimeout)
}

// withContext returns the culprits and up to visualContext other
// operations overlapping their span, whole units at a time (a value's put
// comes with its get), sorted.
func withContext(h history.History, culprits []int) []int {
	lo, hi := int64(1<<63-1), int64(-1<<63)
	in := make(map[int]bool, len(culprits))
	for _, i := range culprits {
		op := h.Operations[i]
		lo, hi = min(lo, op.Call), max(hi, returnOf(op))
		in[i] = true
	}
	idx := slices.Clone(culprits)
	for _, u := range units(h) {
		if len(idx)+len(u.ops) > len(culprits)+visualContext {
			break
		}
		if in[u.ops[0]] || !unitOverlaps(h, u, lo, hi) {
			continue
		}
		idx = append(idx, u.ops...)
	}
	slices.Sort(idx)
	return slices.Compact(idx)
}

func unitOverlaps(h history.History, u unit, lo, hi int64) bool {
	for _, i := range u.ops {
		op := h.Operations[i]
		if op.Call <= hi && returnOf(op) >= lo {
			return true
		}
	}
	return false
}

func returnOf(op history.Operation) int64 {
	if op.Output.Result == models.Unknown {
		return 1<<63 - 1
	}
	return op.Return
}

func culpritAnnotations(h history.History, culprits []int) []porcupine.Annotation {
	var as []porcupine.Annotation
	for _, i := range culprits {
		op := h.Operations[i]
		end := op.Return
		if op.Output.Result == models.Unknown {
			end = op.Call
		}
		as = append(as, porcupine.Annotation{
			Tag:             "culprits",
			Start:           op.Call,
			End:             end,
			Description:     models.DescribeOperation(op.Input, op.Output),
			Details:         who(h, i),
			BackgroundColor: "#f4b6b6",
		})
	}
	return as
}
