package prio

import (
	"fmt"
	"strings"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/peel"
)

// explain explains why no value can end the first busy period in the
// operations small of h (shrunk by package peel), prepared as ops, which
// have no peel.
func explain(h history.History, small []int, ops []peel.Op) string {
	p := newPeeler(ops)
	p.Run()
	e := &explainer{h: h, small: small, p: p}
	return e.text()
}

// explainer words why the operations small of h, left by p with no
// peel, have none.
type explainer struct {
	h     history.History
	small []int // peeler operation o is h's operation small[p.ops[o].Orig]
	p     *peeler
}

// who names peeler operation o.
func (e *explainer) who(o int32) string { return e.h.Who(e.small[e.p.ops[o].Orig]) }

// text is the explanation: why each got value cannot be the largest of
// the first busy period, and why the largest value, never got, cannot
// stay in the queue from the start.
func (e *explainer) text() string {
	m, ok := e.p.minRet()
	if !ok { // cannot happen: shrinking keeps a violation
		return fmt.Sprintf("no priority queue order explains these %d operations", len(e.small))
	}
	var reasons []string
	if l := e.p.largest(); l >= 0 && e.p.ops[l].Partner < 0 {
		reasons = append(reasons, fmt.Sprintf("value %d (put by %s), the largest, is never got, so the queue is never empty once it is in, yet the try_get by %s answered empty and was called after %s returned",
			e.p.ops[l].Value, e.who(l), e.who(e.lastEmpty()), e.who(e.p.byRet[e.p.mp])))
	}
	first := e.p.byRet[e.p.mp]
	if l, ok := e.p.grown(first); !ok {
		r := fmt.Sprintf("the %s of %d by %s returned first, and the queue cannot be empty after it until value %d (put by %s) is got, which never is",
			e.opName(first), e.p.ops[first].Value, e.who(first), e.p.ops[l].Value, e.who(l))
		if big := e.p.largest(); e.p.ops[big].Partner >= 0 {
			r += fmt.Sprintf(", yet the largest value, %d, is got (by %s): only the last value in the queue can be the largest got", e.p.ops[big].Value, e.who(e.p.ops[big].Partner))
		}
		reasons = append(reasons, r)
	}
	for _, l := range e.candidates(m) {
		reasons = append(reasons, e.reason(l, m))
	}
	more := ""
	if len(reasons) > maxReasons {
		more = fmt.Sprintf("; and %d more values", len(reasons)-maxReasons)
		reasons = reasons[:maxReasons]
	}
	return fmt.Sprintf("no priority queue order explains these %d operations: no value can be the last got before the queue is first empty again: %s%s",
		len(e.small), strings.Join(reasons, "; "), more)
}

// maxReasons is the most values an explanation goes through.
const maxReasons = 6

// candidates returns the got pushes the check tried (busy.go): the one
// grown from the earliest return, and those whose get was called by m.
func (e *explainer) candidates(m int64) []int32 {
	p := e.p
	var ls []int32
	if l := p.grow(p.byRet[p.mp]); l >= 0 {
		ls = append(ls, l)
	}
	for _, g := range p.openPops(m) {
		if l := p.ops[g].Partner; len(ls) == 0 || l != ls[0] {
			ls = append(ls, l)
		}
	}
	return ls
}

// reason says why the got push l is not a got peel.
func (e *explainer) reason(l int32, m int64) string {
	p := e.p
	g := p.ops[l].Partner
	head := fmt.Sprintf("value %d (put by %s, got by %s)", p.ops[l].Value, e.who(l), e.who(g))
	t := p.closure(p.span(l), p.ops[g].Ret)
	if t > p.ops[g].Ret {
		late := e.late(l)
		return fmt.Sprintf("%s: the %s of %d by %s must come before that get (the values in the queue with %d come off first), but was called after it returned",
			head, e.opName(late), p.ops[late].Value, e.who(late), p.ops[l].Value)
	}
	for k := 0; k < len(p.byRet) && p.rets[k] < t; k++ {
		o := p.byRet[k]
		switch op := &p.ops[o]; {
		case !p.present[o]:
		case op.Kind == peel.Empty && op.Call > m:
			return fmt.Sprintf("%s: the try_get by %s answered empty but must come after the put of %d, and %d is in the queue until that get", head, e.who(o), p.ops[l].Value, p.ops[l].Value)
		case op.Kind == peel.Push && op.Partner < 0:
			return fmt.Sprintf("%s: value %d, never got, is put by %s before that get, so the queue is not empty after it", head, op.Value, e.who(o))
		case op.Kind != peel.Empty && op.Value > p.ops[l].Value:
			return fmt.Sprintf("%s: value %d (by %s) must come before that get and is larger, so %d is not the last value got before the queue is empty", head, op.Value, e.who(o), p.ops[l].Value)
		}
	}
	return head + ": no order of the operations before its get leaves it the only value"
}

// lastEmpty returns the present empty called last.
func (e *explainer) lastEmpty() int32 {
	es := e.p.empties.Ops
	return es[len(es)-1]
}

// late returns an operation called after the get of l returned that the
// closure of the got push l takes in, by a plain scan (see
// peeler.closure).
func (e *explainer) late(l int32) int32 {
	p := e.p
	limit := p.ops[p.ops[l].Partner].Ret
	t, raiser := p.span(l), l
	for k := 0; k < len(p.byRet) && p.rets[k] < t && t <= limit; k++ {
		o := p.byRet[k]
		if op := &p.ops[o]; p.present[o] && op.Kind != peel.Empty && op.Partner >= 0 {
			if r := max(op.Call, p.ops[op.Partner].Call); r > t {
				t, raiser = r, o
			}
		}
	}
	if r := &p.ops[raiser]; p.ops[r.Partner].Call > r.Call {
		return r.Partner
	}
	return raiser
}

// opName is "put" or "get".
func (e *explainer) opName(o int32) string {
	if e.p.ops[o].Kind == peel.Push {
		return "put"
	}
	return "get"
}
