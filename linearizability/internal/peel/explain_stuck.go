package peel

import (
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/fast"
	"github.com/pcqkit/pcq/models"
)

// valueOf returns the value an operation with effect carries: a put
// that answered ok or never returned, a get that answered ok.
func valueOf(op history.Operation) (bool, int64) {
	r := op.Output.Result
	switch op.Input.Op {
	case models.Put, models.TryPut:
		return r == models.OK || r == models.Unknown, op.Input.Value
	case models.Get, models.TryGet:
		return r == models.OK, op.Output.Value
	}
	return false, 0
}

// explainStuck shrinks the operations idx of h, which have nothing to
// peel by the rule of s, and explains, by s.Explain, why none of the
// values can be peeled.
func explainStuck(h history.History, idx []int, s *Structure) fast.Result {
	small := shrink(h, idx, s)
	sh, v, _ := Prepare(sub(h, small), s)
	if v != nil { // cannot happen: units keep a value's put with its get
		for k, c := range v.Culprits {
			v.Culprits[k] = small[c]
		}
		return *v
	}
	return *Violation(s.Explain(Shrunk{H: h, Small: small, Ops: sh.Ops}), small...)
}

// Shrunk is a violation shrunk to a few operations, to explain: the
// operations Small of H, prepared as Ops.
type Shrunk struct {
	H     history.History
	Small []int // prepared operation o is H's operation Small[Ops[o].Orig]
	Ops   []Op
}

// Who names prepared operation o.
func (s Shrunk) Who(o int32) string { return s.H.Who(s.Small[s.Ops[o].Orig]) }
