package lifo

import (
	"fmt"
	"strings"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/peel"
)

// explain explains why none of the values that could be put first can be
// at the bottom of the stack in the operations small of h (shrunk by
// package peel), prepared as ops, which have no bottom value.
func explain(h history.History, small []int, ops []peel.Op) string {
	p := newPeeler(ops)
	p.Run()
	e := &explainer{h: h, small: small, p: p}
	return e.text()
}

// explainer words why the operations small of h, left by p with no
// bottom, have none.
type explainer struct {
	h     history.History
	small []int // peeler operation o is h's operation small[p.ops[o].Orig]
	p     *peeler
}

// who names peeler operation o.
func (e *explainer) who(o int32) string { return e.h.Who(e.small[e.p.ops[o].Orig]) }

// text is the explanation.
func (e *explainer) text() string {
	m, ok := e.p.minRet()
	if !ok { // cannot happen: shrinking keeps a violation
		return fmt.Sprintf("no stack order explains these %d operations", len(e.small))
	}
	first := e.p.byRet[e.p.mp]
	var reasons []string
	later := 0
	for _, o := range e.p.byCall {
		op := &e.p.ops[o]
		switch {
		case !e.p.present[o] || op.Kind != peel.Push:
		case op.Call > m:
			later++
		default:
			reasons = append(reasons, e.reason(o, first, m))
		}
	}
	s := fmt.Sprintf("no stack order explains these %d operations: no value can be at the bottom of the stack: %s",
		len(e.small), strings.Join(reasons, "; "))
	if later > 0 {
		s += fmt.Sprintf("; every other put was called after %s returned, so it cannot come first", e.who(first))
	}
	return s
}

// reason says why the push v, called by M, is not a bottom.
func (e *explainer) reason(v, first int32, m int64) string {
	op := &e.p.ops[v]
	if op.Partner < 0 {
		return fmt.Sprintf("value %d (put by %s) is never got, so the stack is never empty after its put, yet the try_get by %s answered empty and was called after %s returned",
			op.Value, e.who(v), e.who(e.lastEmpty()), e.who(first))
	}
	get := op.Partner
	head := fmt.Sprintf("value %d (put by %s, got by %s)", op.Value, e.who(v), e.who(get))
	t, raiser := e.closure(v)
	if t <= e.p.ops[get].Ret {
		bad := e.bad(t, m)
		if e.p.ops[bad].Kind == peel.Empty {
			return fmt.Sprintf("%s: the try_get by %s must come before that get, but answered empty, and was called after %s returned, so after the put of %d",
				head, e.who(bad), e.who(first), op.Value)
		}
		return fmt.Sprintf("%s: value %d, never got, is put by %s, which must come before that get: it would stay above %d",
			head, e.p.ops[bad].Value, e.who(bad), op.Value)
	}
	late := raiser
	if r := &e.p.ops[late]; e.p.ops[r.Partner].Call > r.Call {
		late = r.Partner
	}
	return fmt.Sprintf("%s: the %s of %d by %s must come before that get (the values put while %d is in the stack come off first), but was called after it returned",
		head, e.opName(late), e.p.ops[late].Value, e.who(late), op.Value)
}

// closure computes the closure of the got push v by a plain scan (see
// peeler.closes), stopping once it passes the return of v's get: the
// threshold reached and the operation that raised it last.
func (e *explainer) closure(v int32) (int64, int32) {
	p := e.p
	limit := p.ops[p.ops[v].Partner].Ret
	t, raiser := max(p.ops[v].Call, p.ops[p.ops[v].Partner].Call), v
	for k := 0; k < len(p.byRet) && p.rets[k] < t && t <= limit; k++ {
		o := p.byRet[k]
		if op := &p.ops[o]; p.present[o] && op.Kind != peel.Empty && op.Partner >= 0 {
			if r := max(op.Call, p.ops[op.Partner].Call); r > t {
				t, raiser = r, o
			}
		}
	}
	return t, raiser
}

// bad returns a never-got push, or an empty called after m, that returns
// before t.
func (e *explainer) bad(t, m int64) int32 {
	p := e.p
	for k := 0; k < len(p.byRet) && p.rets[k] < t; k++ {
		o := p.byRet[k]
		if op := &p.ops[o]; p.present[o] && (op.Kind == peel.Push && op.Partner < 0 || op.Kind == peel.Empty && op.Call > m) {
			return o
		}
	}
	return -1 // cannot happen: the push was no bottom
}

// lastEmpty returns the present empty called last.
func (e *explainer) lastEmpty() int32 {
	es := e.p.empties.Ops
	return es[len(es)-1]
}

// opName is "put" or "get".
func (e *explainer) opName(o int32) string {
	if e.p.ops[o].Kind == peel.Push {
		return "put"
	}
	return "get"
}
