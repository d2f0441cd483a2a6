// Package search decides histories with porcupine
// (github.com/anishathalye/porcupine) for the linearizability package: it
// converts a history into porcupine's operations over the sequential model
// of the models package, prunes states that cannot lead to a
// linearization (prune.go), sets aside the put and get pairs of a stack
// that change nothing the others see (stack.go), and shrinks a violation
// to a few operations that still make it (shrink.go).
package search

import (
	"fmt"
	"math"

	"github.com/anishathalye/porcupine"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// Unfit says why h cannot be given to porcupine, or "".
func Unfit(h history.History) string {
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

// Indices returns 0, 1, ..., n-1: every operation of a history of n.
func Indices(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// run checks the operations of h at the indices idx.
func run(h history.History, idx []int, lim Limits) porcupine.CheckResult {
	return Check(h, idx, lim).Result
}

// Check checks the operations of h at the indices idx with porcupine over
// the pruned model ([Model]), with the pairs of a stack that qualify set
// aside first (stack.go), within the limits: undecided within
// lim.Timeout, or stopped at lim.Memory (memory.go) or lim.Steps
// (steps.go), the result is porcupine.Unknown.
func Check(h history.History, idx []int, lim Limits) Outcome {
	if keep, ok := stackKeep(h, idx); ok {
		idx = keep
	}
	mt := newMeter(len(idx), lim.Memory)
	sb := &stepBudget{limit: lim.Steps}
	res := porcupine.CheckOperationsTimeout(sb.wrap(mt.wrap(Model(h))), Ops(h, idx), lim.Timeout)
	out := Outcome{Result: res, Searched: len(idx)}
	if res != porcupine.Ok {
		switch {
		case mt.reached.Load():
			out.Result, out.MemoryReached = porcupine.Unknown, true
		case sb.reached.Load():
			out.Result, out.StepsReached = porcupine.Unknown, true
		}
	}
	return out
}

// Ops converts the operations of h at the indices idx, in that
// order; each carries its index in h as metadata.
func Ops(h history.History, idx []int) []porcupine.Operation {
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

// Model is the model of h for checking: pruned (see prune.go),
// describing operations with their lines.
func Model(h history.History) porcupine.Model {
	return pruneInfoOf(h).prune(SpecModel(h))
}

// SpecModel is the model of h exactly as the specification has it, for
// explaining and drawing, describing operations with their lines.
func SpecModel(h history.History) porcupine.Model {
	m := models.Spec{Kind: h.Kind, Capacity: h.Capacity}.Porcupine()
	m.DescribeOperationMetadata = func(info any) string {
		i, ok := info.(int)
		if !ok {
			return ""
		}
		return h.Who(i)
	}
	return m
}
