package lifo

import (
	"fmt"
	"strings"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/fast"
	"github.com/pcqkit/pcq/models"
)

// valueOf returns the value an operation with effect carries.
func valueOf(op history.Operation) (bool, int64) {
	if op.Output.Result != models.OK {
		return false, 0
	}
	switch op.Input.Op {
	case models.Put, models.TryPut:
		return true, op.Input.Value
	case models.Get, models.TryGet:
		return true, op.Output.Value
	}
	return false, 0
}

// explainStuck shrinks the operations idx of h, a block with no bottom,
// and explains why none of the values that could be put first can be at
// the bottom of the stack.
func explainStuck(h history.History, idx []int) fast.Result {
	small := shrink(h, idx)
	s := sub(h, small)
	sh, _, _ := prepare(s)
	p := newPeeler(sh.ops)
	b, m := p.run()
	e := &explainer{h: h, small: small, p: p, b: b, m: m}
	return *violation(e.text(), small...)
}

// explainer words why block b of the operations small of h has no bottom.
type explainer struct {
	h     history.History
	small []int // the operations; peeler operation o is h's small[p.ops[o].orig]
	p     *peeler
	b     *block
	m     int64
}

// who names peeler operation o.
func (e *explainer) who(o int32) string { return e.h.Who(e.small[e.p.ops[o].orig]) }

// text is the explanation.
func (e *explainer) text() string {
	if e.b == nil { // cannot happen: shrinking keeps a violation
		return fmt.Sprintf("no stack order explains these %d operations", len(e.small))
	}
	var reasons []string
	later := 0
	first := e.firstReturn()
	for _, o := range e.b.byCall {
		op := &e.p.ops[o]
		switch {
		case e.p.home[o] != e.b.id || op.kind != push:
		case op.call > e.m:
			later++
		default:
			reasons = append(reasons, e.reason(o, first))
		}
	}
	s := fmt.Sprintf("no stack order explains these %d operations: no value can be at the bottom of the stack: %s",
		len(e.small), strings.Join(reasons, "; "))
	if later > 0 {
		s += fmt.Sprintf("; every other put was called after %s returned, so it cannot come first", e.who(first))
	}
	return s
}

// firstReturn returns the push or pop of b that returns first (at M).
func (e *explainer) firstReturn() int32 {
	for _, o := range e.b.byRet {
		if e.p.home[o] == e.b.id && e.p.ops[o].kind != empty {
			return o
		}
	}
	return -1
}

// reason says why the push v, called by M, is not a bottom.
func (e *explainer) reason(v int32, first int32) string {
	op := &e.p.ops[v]
	if op.partner < 0 {
		last := e.p.lastEmpty(e.b)
		return fmt.Sprintf("value %d (put by %s) is never got, so the stack is never empty after its put, yet the try_get by %s answered empty and was called after %s returned",
			op.value, e.who(v), e.who(last), e.who(first))
	}
	get := op.partner
	c := e.closureOf(v)
	head := fmt.Sprintf("value %d (put by %s, got by %s)", op.value, e.who(v), e.who(get))
	switch {
	case c.bad >= 0 && e.p.ops[c.bad].kind == empty:
		return fmt.Sprintf("%s: the try_get by %s must come before that get, but answered empty, and was called after %s returned, so after the put of %d",
			head, e.who(c.bad), e.who(first), op.value)
	case c.bad >= 0:
		return fmt.Sprintf("%s: value %d, never got, is put by %s, which must come before that get: it would stay above %d",
			head, e.p.ops[c.bad].value, e.who(c.bad), op.value)
	}
	late := c.raiser
	if r := &e.p.ops[late]; r.partner >= 0 && e.p.ops[r.partner].call > r.call {
		late = r.partner
	}
	if late == v || late == get {
		return fmt.Sprintf("%s: its get returned before its put was called", head)
	}
	return fmt.Sprintf("%s: the %s of %d by %s must come before that get (the values put while %d is in the stack come off first), but was called after it returned",
		head, e.opName(late), e.p.ops[late].value, e.who(late), op.value)
}

// opName is "put" or "get".
func (e *explainer) opName(o int32) string {
	if e.p.ops[o].kind == push {
		return "put"
	}
	return "get"
}

// closureOf scans b for the got candidate v alone, leaving b as it is.
func (e *explainer) closureOf(v int32) closure {
	saved := e.b.sp
	defer func() { e.b.sp = saved }()
	e.b.sp = 0
	pv := e.p.ops[v].partner
	c := closure{t: max(e.p.ops[v].call, e.p.ops[pv].call), bad: -1, raiser: v}
	e.p.scan(e.b, e.m, &c, e.p.ops[pv].ret)
	return c
}
