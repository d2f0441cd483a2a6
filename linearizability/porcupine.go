package linearizability

import (
	"fmt"
	"math"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
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
	if why := porcupineUnfit(h); why != "" {
		r.Verdict, r.Explanation = Unknown, why
		r.Elapsed = time.Since(start)
		return r
	}
	res, searched := porcupineSearch(h, indices(len(h.Operations)), timeout)
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

// porcupineUnfit says why h cannot be given to porcupine, or "".
func porcupineUnfit(h history.History) string {
	if h.Kind > models.Priority {
		return fmt.Sprintf("linearizability: unknown model %v", h.Kind)
	}
	for i, op := range h.Operations {
		if op.Output.Result != models.Unknown && op.Return < op.Call {
			return fmt.Sprintf("linearizability: operation %d (line %d) returns before it is called", i, op.Line)
		}
	}
	return ""
}

// indices returns 0, 1, ..., n-1.
func indices(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// porcupineRun checks the operations of h at the indices idx.
func porcupineRun(h history.History, idx []int, timeout time.Duration) porcupine.CheckResult {
	res, _ := porcupineSearch(h, idx, timeout)
	return res
}

// porcupineSearch checks the operations of h at the indices idx, with the
// pairs of a stack that qualify set aside first (porcupine_stack.go), and
// returns the number of operations porcupine searched.
func porcupineSearch(h history.History, idx []int, timeout time.Duration) (porcupine.CheckResult, int) {
	if keep, ok := stackKeep(h, idx); ok {
		idx = keep
	}
	return porcupine.CheckOperationsTimeout(porcupineModel(h), porcupineOps(h, idx), timeout), len(idx)
}

// porcupineOps converts the operations of h at the indices idx, in that
// order; each carries its index in h as metadata.
func porcupineOps(h history.History, idx []int) []porcupine.Operation {
	ops := make([]porcupine.Operation, len(idx))
	for k, i := range idx {
		op := h.Operations[i]
		ret := op.Return
		if op.Output.Result == models.Unknown {
			ret = math.MaxInt64
		}
		ops[k] = porcupine.Operation{
			ClientId: op.Client, Input: op.Input, Output: op.Output,
			Call: op.Call, Return: ret, Metadata: i,
		}
	}
	return ops
}

// porcupineModel is the model of h for checking: pruned (see
// porcupine_prune.go), describing operations with their lines.
func porcupineModel(h history.History) porcupine.Model {
	return pruneInfoOf(h).prune(specModel(h))
}

// specModel is the model of h exactly as the specification has it, for
// explaining and drawing, describing operations with their lines.
func specModel(h history.History) porcupine.Model {
	m := models.Spec{Kind: h.Kind, Capacity: h.Capacity}.Porcupine()
	m.DescribeOperationMetadata = func(info any) string {
		i, ok := info.(int)
		if !ok {
			return ""
		}
		return who(h, i)
	}
	return m
}

// who names operation i of h: "client 2 (line 18)", or "client 2
// (operation 5)" when the history came from no file.
func who(h history.History, i int) string {
	op := h.Operations[i]
	if op.Line > 0 {
		return fmt.Sprintf("client %d (line %d)", op.Client, op.Line)
	}
	return fmt.Sprintf("client %d (operation %d)", op.Client, i)
}
