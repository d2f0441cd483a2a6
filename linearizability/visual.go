package linearizability

import (
	"fmt"
	"io"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/search"
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
	if why := search.Unfit(h); why != "" {
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
		_, info = visualCheck(h, search.Indices(len(h.Operations)))
	case r.Verdict == Violation && len(r.Culprits) > 0:
		var res porcupine.CheckResult
		res, info = visualCheck(h, search.Context(h, r.Culprits, visualContext))
		if res == porcupine.Ok { // the context hides the violation
			_, info = visualCheck(h, r.Culprits)
		}
	default:
		return fmt.Errorf("linearizability: %d operations are too many to visualize (at most %d, or a violation's culprits)",
			len(h.Operations), VisualizeMax)
	}
	info.AddAnnotations(culpritAnnotations(h, r.Culprits))
	return porcupine.Visualize(search.SpecModel(h), info, w)
}

func visualCheck(h history.History, idx []int) (porcupine.CheckResult, porcupine.LinearizationInfo) {
	return porcupine.CheckOperationsVerbose(search.SpecModel(h), search.Ops(h, idx), visualTimeout)
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
			Details:         h.Who(i),
			BackgroundColor: "#f4b6b6",
		})
	}
	return as
}
