package prio

import (
	"cmp"
	"math"
	"slices"

	"github.com/pcqkit/pcq/linearizability/internal/maxtree"
	"github.com/pcqkit/pcq/linearizability/internal/peel"
)

// peeler removes peels (busy.go) from a priority history until only
// empties are left or no peel is.
type peeler struct {
	peel.Core              // open holds pops
	vals      maxtree.Tree // over ByRet: the value of a present push or pop
	pushOf    map[int64]int32
	byValue   []int32 // the pushes, largest value first; byValue[:vp] are gone
	vp        int
	hint      int64 // the closure the last grow reached, or peel.None
}

// newPeeler starts with every operation of ops present.
func newPeeler(ops []peel.Op) *peeler {
	p := &peeler{Core: peel.NewCore(ops), hint: peel.None, pushOf: map[int64]int32{}}
	vals := make([]int64, len(ops))
	for k, o := range p.ByRet {
		vals[k] = peel.None
		if ops[o].Kind == peel.Empty {
			continue
		}
		vals[k] = ops[o].Value
		if ops[o].Kind == peel.Push {
			p.byValue = append(p.byValue, o)
			p.pushOf[ops[o].Value] = o
		}
	}
	slices.SortFunc(p.byValue, func(x, y int32) int { return cmp.Compare(ops[y].Value, ops[x].Value) })
	p.vals = maxtree.New(vals, peel.None)
	return p
}

// Run removes peels until only empties are left (true) or none is
// (false).
func (p *peeler) Run() bool {
	for {
		m, ok := p.MinRet()
		if !ok {
			return true
		}
		if !p.peelNeverGot(m) && !p.peelGot(m) {
			return false
		}
	}
}

// remove takes operation o out.
func (p *peeler) remove(o int32) {
	p.Core.Remove(o)
	p.vals.Set(int(p.At[o]), peel.None)
}

// largest returns the push of the largest value present, or -1.
func (p *peeler) largest() int32 {
	for ; p.vp < len(p.byValue); p.vp++ {
		if o := p.byValue[p.vp]; p.Present[o] {
			return o
		}
	}
	return -1
}

// peelNeverGot removes a never-got peel and the empties, if there is
// one: the largest value present, never got, with no empty called after
// m.
func (p *peeler) peelNeverGot(m int64) bool {
	if p.Empties.LastCall() > m {
		return false
	}
	if l := p.largest(); l >= 0 && p.Ops[l].Partner < 0 {
		p.remove(l)
		p.Empties.RemoveAll(p.Present)
		return true
	}
	return false
}

// peelGot removes a got peel, if there is one: first the hinted
// candidate, then the one grown from the operation returning at m, then
// the pops called by m (busy.go). Any candidate that closes is a peel;
// the last two are the ones that make the check complete.
func (p *peeler) peelGot(m int64) bool {
	if l := p.hinted(); l >= 0 {
		if p.closes(l, m) {
			p.removeValue(l)
			return true
		}
		p.hint = peel.None
	}
	if l := p.grow(p.ByRet[p.Mp]); l >= 0 && p.closes(l, m) {
		p.removeValue(l)
		return true
	}
	for _, g := range p.Open(m, peel.Pop) {
		if l := p.Ops[g].Partner; p.closes(l, m) {
			p.removeValue(l)
			return true
		}
	}
	return false
}

// removeValue takes out the got push l and its pop.
func (p *peeler) removeValue(l int32) {
	p.remove(p.Ops[l].Partner)
	p.remove(l)
}

// grow returns the candidate grown from operation o (busy.go): the push
// of the largest value of a closed set holding o's value and that
// value's push and pop, or -1 when it meets a never-got value.
func (p *peeler) grow(o int32) int32 {
	l, ok := p.grown(o)
	if !ok {
		return -1
	}
	return l
}

// grown returns grow's candidate and true, or the never-got push it met
// and false.
func (p *peeler) grown(o int32) (int32, bool) {
	l := o
	if p.Ops[o].Kind == peel.Pop {
		l = p.Ops[o].Partner
	}
	if p.Ops[l].Partner < 0 {
		return l, false
	}
	t := p.Span(l)
	for {
		t = p.Closure(t, math.MaxInt64)
		v := p.vals.Max(0, p.Before(t))
		if v <= p.Ops[l].Value {
			p.hint = t
			return l, true
		}
		l = p.pushOf[v]
		if p.Ops[l].Partner < 0 {
			return l, false
		}
		t = max(t, p.Span(l))
	}
}

// closes reports whether the got push l, with m the earliest return, is
// a got peel: its closure stays within the return of its pop, and takes
// in no larger value, no never-got push and no empty called after m.
func (p *peeler) closes(l int32, m int64) bool {
	ret := p.Ops[p.Ops[l].Partner].Ret
	t := p.Closure(p.Span(l), ret)
	return t <= ret && p.vals.Max(0, p.Before(t)) <= p.Ops[l].Value &&
		p.FirstNeverGot() >= t && p.Empties.FirstRetCalledAfter(m) >= t
}

// hinted returns the got push of the largest value present that returns
// before the closure the last grow reached, or -1. Once the largest
// value L of a closed set Z is peeled, Z without L is closed, and its
// largest value often closes too: trying it first spares growing the
// same set again, value after value, through a long busy period.
func (p *peeler) hinted() int32 {
	if p.hint == peel.None {
		return -1
	}
	v := p.vals.Max(0, p.Before(p.hint))
	if v == peel.None {
		p.hint = peel.None
		return -1
	}
	l := p.pushOf[v]
	if p.Ops[l].Partner < 0 {
		p.hint = peel.None
		return -1
	}
	return l
}
