package models

import (
	"fmt"
	"strings"

	"github.com/anishathalye/porcupine"
)

// stateSet is a porcupine state standing for several model states at once,
// after operations with unknown results (a power-set construction, like
// porcupine's NondeterministicModel, without its cost when the model is
// deterministic). It always holds at least two distinct states; one state
// is a plain [State].
type stateSet []State

// Porcupine returns the specification as a porcupine model. Its inputs are
// [Input] values and its outputs [Output] values. An operation whose
// result is [Unknown] may be given any return time at or after its call:
// the model itself allows it no effect at all.
func (s Spec) Porcupine() porcupine.Model {
	return porcupine.Model{
		Init:              func() any { return s.Init() },
		Step:              s.porcupineStep,
		Equal:             porcupineEqual,
		Hash:              porcupineHash,
		DescribeOperation: func(in, out any) string { return DescribeOperation(in.(Input), out.(Output)) },
		DescribeState:     describeState,
	}
}

func (s Spec) porcupineStep(state, input, output any) (bool, any) {
	in, out := input.(Input), output.(Output)
	if st, ok := state.(State); ok {
		next := s.Step(st, in, out)
		switch len(next) {
		case 0:
			return false, nil
		case 1:
			return true, next[0]
		}
		return true, stateSet(next)
	}
	var all []State
	for _, st := range state.(stateSet) {
		for _, n := range s.Step(st, in, out) {
			if !containsState(all, n) {
				all = append(all, n)
			}
		}
	}
	switch len(all) {
	case 0:
		return false, nil
	case 1:
		return true, all[0]
	}
	return true, stateSet(all)
}

func containsState(set []State, st State) bool {
	for _, x := range set {
		if x.Equal(st) {
			return true
		}
	}
	return false
}

func porcupineEqual(a, b any) bool {
	switch a := a.(type) {
	case State:
		b, ok := b.(State)
		return ok && a.Equal(b)
	case stateSet:
		b, ok := b.(stateSet)
		if !ok || len(a) != len(b) {
			return false
		}
		for _, st := range a {
			if !containsState(b, st) {
				return false
			}
		}
		return true
	}
	return false
}

// porcupineHash combines a set's members with XOR, so that the order of a
// set does not matter and a one-state set would hash as its state.
func porcupineHash(state any) uint64 {
	if st, ok := state.(State); ok {
		return st.Hash()
	}
	var h uint64
	for _, st := range state.(stateSet) {
		h ^= st.Hash()
	}
	return h
}

func describeState(state any) string {
	if st, ok := state.(State); ok {
		return st.String()
	}
	words := make([]string, 0, len(state.(stateSet)))
	for _, st := range state.(stateSet) {
		words = append(words, st.String())
	}
	return "one of {" + strings.Join(words, " | ") + "}"
}

// DescribeOperation describes an operation for people, for example
// "put(7) → ok", "get() → 7", "try_get() → empty", "len() → 3",
// "shutdown(immediate) → ok" or "get() → unknown".
func DescribeOperation(in Input, out Output) string {
	arg := ""
	switch in.Op {
	case Put, TryPut:
		arg = fmt.Sprint(in.Value)
	case Shutdown:
		if in.Immediate {
			arg = "immediate"
		}
	}
	res := out.Result.String()
	if out.Result == OK && (in.Op == Get || in.Op == TryGet || in.Op == Len) {
		res = fmt.Sprint(out.Value)
	}
	return fmt.Sprintf("%v(%s) → %s", in.Op, arg, res)
}
