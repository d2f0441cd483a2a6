package prio

import (
	"fmt"
	"strings"

	"github.com/pcqkit/pcq/linearizability/internal/peel"
)

// explain explains why no value can end the first busy period in the
// operations of s (shrunk by package peel), which have no peel.
func explain(s peel.Shrunk) string {
	p := newPeeler(s.Ops)
	p.Run()
	return (&explainer{Shrunk: s, p: p}).text()
}

// explainer words why the shrunk operations, left by p with no
// peel, have none.
type explainer struct {
	peel.Shrunk
	p *peeler
}

// text is the explanation: why each got value cannot be the largest of
// the first busy period, and why the largest value, never got, cannot
// stay in the queue from the start.
func (e *explainer) text() string {
	m, ok := e.p.MinRet()
	if !ok { // cannot happen: shrinking keeps a violation
		return fmt.Sprintf("no priority queue order explains these %d operations", len(e.Small))
	}
	var reasons []string
	if l := e.p.largest(); l >= 0 && e.p.Ops[l].Partner < 0 {
		reasons = append(reasons, fmt.Sprintf("value %d (put by %s), the largest, is never got, so the queue is never empty once it is in, yet the try_get by %s answered empty and was called after %s returned",
			e.p.Ops[l].Value, e.Who(l), e.Who(e.p.LastEmpty()), e.Who(e.p.ByRet[e.p.Mp])))
	}
	first := e.p.ByRet[e.p.Mp]
	if l, ok := e.p.grown(first); !ok {
		r := fmt.Sprintf("the %s of %d by %s returned first, and the queue cannot be empty after it until value %d (put by %s) is got, which never is",
			e.p.OpName(first), e.p.Ops[first].Value, e.Who(first), e.p.Ops[l].Value, e.Who(l))
		if big := e.p.largest(); e.p.Ops[big].Partner >= 0 {
			r += fmt.Sprintf(", yet the largest value, %d, is got (by %s): only the last value in the queue can be the largest got", e.p.Ops[big].Value, e.Who(e.p.Ops[big].Partner))
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
		len(e.Small), strings.Join(reasons, "; "), more)
}

// maxReasons is the most values an explanation goes through.
const maxReasons = 6

// candidates returns the got pushes the check tried (busy.go): the one
// grown from the earliest return, and those whose get was called by m.
func (e *explainer) candidates(m int64) []int32 {
	p := e.p
	var ls []int32
	if l := p.grow(p.ByRet[p.Mp]); l >= 0 {
		ls = append(ls, l)
	}
	for _, g := range p.Open(m, peel.Pop) {
		if l := p.Ops[g].Partner; len(ls) == 0 || l != ls[0] {
			ls = append(ls, l)
		}
	}
	return ls
}

// reason says why the got push l is not a got peel.
func (e *explainer) reason(l int32, m int64) string {
	p := e.p
	g := p.Ops[l].Partner
	head := fmt.Sprintf("value %d (put by %s, got by %s)", p.Ops[l].Value, e.Who(l), e.Who(g))
	t := p.Closure(p.Span(l), p.Ops[g].Ret)
	if t > p.Ops[g].Ret {
		_, late := p.ScanClosure(l)
		return fmt.Sprintf("%s: the %s of %d by %s must come before that get (the values in the queue with %d come off first), but was called after it returned",
			head, e.p.OpName(late), p.Ops[late].Value, e.Who(late), p.Ops[l].Value)
	}
	for k := 0; k < len(p.ByRet) && p.Rets[k] < t; k++ {
		o := p.ByRet[k]
		switch op := &p.Ops[o]; {
		case !p.Present[o]:
		case op.Kind == peel.Empty && op.Call > m:
			return fmt.Sprintf("%s: the try_get by %s answered empty but must come after the put of %d, and %d is in the queue until that get", head, e.Who(o), p.Ops[l].Value, p.Ops[l].Value)
		case op.Kind == peel.Push && op.Partner < 0:
			return fmt.Sprintf("%s: value %d, never got, is put by %s before that get, so the queue is not empty after it", head, op.Value, e.Who(o))
		case op.Kind != peel.Empty && op.Value > p.Ops[l].Value:
			return fmt.Sprintf("%s: value %d (by %s) must come before that get and is larger, so %d is not the last value got before the queue is empty", head, op.Value, e.Who(o), p.Ops[l].Value)
		}
	}
	return head + ": no order of the operations before its get leaves it the only value"
}
