package lifo

import (
	"github.com/pcqkit/pcq/linearizability/internal/peel"
)

// peeler removes bottom values (bottom.go) from a stack history until
// only empties are left or no bottom is.
type peeler struct {
	peel.Core // open holds pushes
}

// newPeeler starts with every operation of ops present.
func newPeeler(ops []peel.Op) *peeler {
	return &peeler{Core: peel.NewCore(ops)}
}

// Run removes bottoms until only empties are left (true) or none is
// (false).
func (p *peeler) Run() bool {
	for {
		m, ok := p.MinRet()
		if !ok {
			return true
		}
		open := p.Open(m, peel.Push)
		if !p.peelNeverGot(m, open) && !p.peelGot(m, open) {
			return false
		}
	}
}

// peelNeverGot removes a never-got bottom and the empties, if there is
// one.
func (p *peeler) peelNeverGot(m int64, open []int32) bool {
	if p.Empties.LastCall() > m {
		return false
	}
	for _, o := range open {
		if p.Ops[o].Partner < 0 {
			p.Remove(o)
			p.Empties.RemoveAll(p.Present)
			return true
		}
	}
	return false
}

// peelGot removes a got bottom, if there is one.
func (p *peeler) peelGot(m int64, open []int32) bool {
	for _, v := range open {
		if pv := p.Ops[v].Partner; pv >= 0 && p.closes(v, m) {
			p.Remove(v)
			p.Remove(pv)
			return true
		}
	}
	return false
}

// closes reports whether the got push v, called by m, is a bottom: its
// closure stays within the return of its pop and takes in no never-got
// push and no empty called after m.
func (p *peeler) closes(v int32, m int64) bool {
	ret := p.Ops[p.Ops[v].Partner].Ret
	t := p.Closure(p.Span(v), ret)
	return t <= ret && p.FirstNeverGot() >= t && p.Empties.FirstRetCalledAfter(m) >= t
}
