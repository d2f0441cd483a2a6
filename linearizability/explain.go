package linearizability

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/search"
	"github.com/pcqkit/pcq/models"
)

// explainListMax bounds the operations an explanation lists one by one.
const explainListMax = 20

// explainViolation shrinks a violating history to a few operations that
// still make the violation and explains them in words. It returns their
// indices, sorted, and the explanation. Each search is held to the
// memory budget (0: none).
func explainViolation(h history.History, budget time.Duration, memory int64) ([]int, string) {
	culprits, minimal := search.Shrink(h, budget, memory)
	order := slices.Clone(culprits)
	slices.SortStableFunc(order, func(a, b int) int {
		return cmpInt64(h.Operations[a].Call, h.Operations[b].Call)
	})
	var b strings.Builder
	fmt.Fprintf(&b, "no order of these %d operations explains their results", len(culprits))
	if minimal {
		b.WriteString(" (shrunk: leaving out any more would lose the violation, or could make one up)")
	} else {
		b.WriteString(" (shrinking stopped at its time limit: some may not be needed)")
	}
	b.WriteString(":")
	for k, i := range order {
		if k == explainListMax {
			fmt.Fprintf(&b, "\n  … and %d more", len(order)-k)
			break
		}
		b.WriteString("\n  " + describeOp(h, i))
	}
	if len(culprits) <= 2*explainListMax {
		b.WriteString(diagnose(h, culprits))
	}
	return culprits, b.String()
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// describeOp describes operation i of h in one line: "client 2 (line 18):
// get() → 7, called at 1100, returned at 1702".
func describeOp(h history.History, i int) string {
	op := h.Operations[i]
	s := fmt.Sprintf("%s: %s, called at %d", h.Who(i), models.DescribeOperation(op.Input, op.Output), op.Call)
	if op.Output.Result == models.Unknown {
		return s + ", never returned"
	}
	return s + fmt.Sprintf(", returned at %d", op.Return)
}

// diagnose replays the longest order of the culprits that porcupine could
// explain, and says why none of the operations that could come next can:
// what a correct queue would have answered instead. It returns "" when it
// has nothing useful to say.
func diagnose(h history.History, culprits []int) string {
	model := search.SpecModel(h)
	res, info := porcupine.CheckOperationsVerbose(model, search.Ops(h, culprits), time.Second)
	if res != porcupine.Illegal {
		return ""
	}
	parts := info.PartialLinearizations()
	if len(parts) != 1 || len(parts[0]) == 0 {
		return ""
	}
	longest := slices.MaxFunc(parts[0], func(a, b []int) int { return len(a) - len(b) })
	state := model.Init()
	var done []string
	placed := make([]bool, len(culprits))
	for _, k := range longest {
		op := h.Operations[culprits[k]]
		_, state = model.Step(state, op.Input, op.Output)
		placed[k] = true
		done = append(done, models.DescribeOperation(op.Input, op.Output))
	}
	var b strings.Builder
	if len(done) == 0 {
		fmt.Fprintf(&b, "\nnone of them can come first, in state %s:", model.DescribeState(state))
	} else {
		fmt.Fprintf(&b, "\nthe longest order that explains some: %s, leaving %s; then",
			strings.Join(done, "; "), model.DescribeState(state))
	}
	for _, k := range nextCandidates(h, culprits, placed) {
		op := h.Operations[culprits[k]]
		if ok, _ := model.Step(state, op.Input, op.Output); ok {
			continue // fits here, but leads nowhere
		}
		fmt.Fprintf(&b, "\n  %s cannot come next: %s", h.Who(culprits[k]), whyNot(h, state, culprits[k]))
	}
	return b.String()
}

// nextCandidates returns the positions in culprits of the operations not
// placed that may be linearized next: called before every other one not
// placed has returned.
func nextCandidates(h history.History, culprits []int, placed []bool) []int {
	first := int64(math.MaxInt64)
	for k, i := range culprits {
		op := h.Operations[i]
		if !placed[k] && op.Output.Result != models.Unknown {
			first = min(first, op.Return)
		}
	}
	var next []int
	for k, i := range culprits {
		if !placed[k] && h.Operations[i].Call <= first {
			next = append(next, k)
		}
	}
	return next
}

// whyNot says why operation i cannot follow in state: what a correct queue
// answers there.
func whyNot(h history.History, state any, i int) string {
	op := h.Operations[i]
	desc := models.DescribeOperation(op.Input, op.Output)
	st, single := state.(models.State)
	if !single {
		return desc + " fits none of the possible states"
	}
	spec := models.Spec{Kind: h.Kind, Capacity: h.Capacity}
	out, _, blocks := spec.Predict(st, op.Input)
	if blocks {
		return desc + ", but it would still be waiting"
	}
	return fmt.Sprintf("%s, but a correct %v queue answers %s", desc, h.Kind,
		models.DescribeOperation(op.Input, out))
}
