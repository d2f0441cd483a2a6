package lifo

import (
	"fmt"
	"strings"

	"github.com/pcqkit/pcq/linearizability/internal/peel"
)

// explain explains why none of the values that could be put first can be
// at the bottom of the stack in the operations of s (shrunk by package
// peel), which have no bottom value.
func explain(s peel.Shrunk) string {
	p := newPeeler(s.Ops)
	p.Run()
	return (&explainer{Shrunk: s, p: p}).text()
}

// explainer words why the shrunk operations, left by p with no bottom,
// have none.
type explainer struct {
	peel.Shrunk
	p *peeler
}

// text is the explanation.
func (e *explainer) text() string {
	m, ok := e.p.MinRet()
	if !ok { // cannot happen: shrinking keeps a violation
		return fmt.Sprintf("no stack order explains these %d operations", len(e.Small))
	}
	first := e.p.ByRet[e.p.Mp]
	var reasons []string
	later := 0
	for _, o := range e.p.ByCall {
		op := &e.p.Ops[o]
		switch {
		case !e.p.Present[o] || op.Kind != peel.Push:
		case op.Call > m:
			later++
		default:
			reasons = append(reasons, e.reason(o, first, m))
		}
	}
	s := fmt.Sprintf("no stack order explains these %d operations: no value can be at the bottom of the stack: %s",
		len(e.Small), strings.Join(reasons, "; "))
	if later > 0 {
		s += fmt.Sprintf("; every other put was called after %s returned, so it cannot come first", e.Who(first))
	}
	return s
}

// reason says why the push v, called by M, is not a bottom.
func (e *explainer) reason(v, first int32, m int64) string {
	op := &e.p.Ops[v]
	if op.Partner < 0 {
		return fmt.Sprintf("value %d (put by %s) is never got, so the stack is never empty after its put, yet the try_get by %s answered empty and was called after %s returned",
			op.Value, e.Who(v), e.Who(e.p.LastEmpty()), e.Who(first))
	}
	get := op.Partner
	head := fmt.Sprintf("value %d (put by %s, got by %s)", op.Value, e.Who(v), e.Who(get))
	t, late := e.p.ScanClosure(v)
	if t <= e.p.Ops[get].Ret {
		bad := e.bad(t, m)
		if e.p.Ops[bad].Kind == peel.Empty {
			return fmt.Sprintf("%s: the try_get by %s must come before that get, but answered empty, and was called after %s returned, so after the put of %d",
				head, e.Who(bad), e.Who(first), op.Value)
		}
		return fmt.Sprintf("%s: value %d, never got, is put by %s, which must come before that get: it would stay above %d",
			head, e.p.Ops[bad].Value, e.Who(bad), op.Value)
	}
	return fmt.Sprintf("%s: the %s of %d by %s must come before that get (the values put while %d is in the stack come off first), but was called after it returned",
		head, e.p.OpName(late), e.p.Ops[late].Value, e.Who(late), op.Value)
}

// bad returns a never-got push, or an empty called after m, that returns
// before t.
func (e *explainer) bad(t, m int64) int32 {
	p := e.p
	for k := 0; k < len(p.ByRet) && p.Rets[k] < t; k++ {
		o := p.ByRet[k]
		if op := &p.Ops[o]; p.Present[o] && (op.Kind == peel.Push && op.Partner < 0 || op.Kind == peel.Empty && op.Call > m) {
			return o
		}
	}
	return -1 // cannot happen: the push was no bottom
}
