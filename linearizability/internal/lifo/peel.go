package lifo

import (
	"cmp"
	"math"
	"slices"
)

// peeler removes bottom values (bottom.go) from a stack history until
// only empties are left or no bottom is.
type peeler struct {
	ops     []sop
	present []bool
	byRet   []int32 // every operation by return, ties by call
	rets    []int64 // their returns, for binary search
	reach   maxTree // over byRet: the latest call of a present push or pop or of its partner
	at      []int32 // where each operation is in byRet
	byCall  []int32 // every operation by call
	mp      int     // byRet[:mp] are gone or empties: the next push or pop returns at byRet[mp:]
	cp      int     // byCall[:cp] are in open or are not pushes
	open    []int32 // the pushes called by M, some gone
	never   []int32 // the never-got pushes by return; never[:np] are gone
	np      int
	empties emptySet
}

// none stands for no time: before every time of a history.
const none = math.MinInt64

// newPeeler starts with every operation of ops present.
func newPeeler(ops []sop) *peeler {
	n := len(ops)
	p := &peeler{ops: ops, present: make([]bool, n), byRet: make([]int32, n), at: make([]int32, n)}
	for i := range p.byRet {
		p.byRet[i], p.present[i] = int32(i), true
	}
	slices.SortFunc(p.byRet, func(x, y int32) int {
		return cmp.Or(cmp.Compare(ops[x].ret, ops[y].ret), cmp.Compare(ops[x].call, ops[y].call))
	})
	p.byCall = slices.Clone(p.byRet)
	slices.SortStableFunc(p.byCall, func(x, y int32) int { return cmp.Compare(ops[x].call, ops[y].call) })
	p.rets = make([]int64, n)
	reach := make([]int64, n)
	var empties []int32
	for k, o := range p.byRet {
		p.at[o], p.rets[k], reach[k] = int32(k), ops[o].ret, none
		switch op := &ops[o]; {
		case op.kind == empty:
			empties = append(empties, o)
		case op.partner < 0:
			p.never = append(p.never, o)
		default:
			reach[k] = max(op.call, ops[op.partner].call)
		}
	}
	p.reach = newMaxTree(reach)
	p.empties = newEmptySet(ops, empties)
	return p
}

// run removes bottoms until only empties are left (true) or none is
// (false).
func (p *peeler) run() bool {
	for {
		m, ok := p.minRet()
		if !ok {
			return true
		}
		open := p.openPushes(m)
		if !p.peelNeverGot(m, open) && !p.peelGot(m, open) {
			return false
		}
	}
}

// minRet returns M: the earliest return of a present push or pop.
func (p *peeler) minRet() (int64, bool) {
	for ; p.mp < len(p.byRet); p.mp++ {
		if o := p.byRet[p.mp]; p.present[o] && p.ops[o].kind != empty {
			return p.ops[o].ret, true
		}
	}
	return 0, false
}

// openPushes returns the present pushes called by m.
func (p *peeler) openPushes(m int64) []int32 {
	for ; p.cp < len(p.byCall) && p.ops[p.byCall[p.cp]].call <= m; p.cp++ {
		if o := p.byCall[p.cp]; p.ops[o].kind == push {
			p.open = append(p.open, o)
		}
	}
	p.open = slices.DeleteFunc(p.open, func(o int32) bool { return !p.present[o] })
	return p.open
}

// remove takes operation o out.
func (p *peeler) remove(o int32) {
	p.present[o] = false
	p.reach.set(int(p.at[o]), none)
}

// peelNeverGot removes a never-got bottom and the empties, if there is
// one.
func (p *peeler) peelNeverGot(m int64, open []int32) bool {
	if p.empties.lastCall() > m {
		return false
	}
	for _, o := range open {
		if p.ops[o].partner < 0 {
			p.remove(o)
			p.empties.removeAll(p.present)
			return true
		}
	}
	return false
}

// peelGot removes a got bottom, if there is one.
func (p *peeler) peelGot(m int64, open []int32) bool {
	for _, v := range open {
		if pv := p.ops[v].partner; pv >= 0 && p.closes(v, m) {
			p.remove(v)
			p.remove(pv)
			return true
		}
	}
	return false
}

// closes reports whether the got push v, called by m, is a bottom: its
// closure stays within the return of its pop and takes in no never-got
// push and no empty called after m.
func (p *peeler) closes(v int32, m int64) bool {
	pop := &p.ops[p.ops[v].partner]
	t := max(p.ops[v].call, pop.call)
	for t <= pop.ret {
		k, _ := slices.BinarySearch(p.rets, t) // byRet[:k] return before t
		next := max(t, p.reach.prefix(k))
		if next == t {
			break
		}
		t = next
	}
	return t <= pop.ret && p.firstNeverGot() >= t && p.empties.firstRetCalledAfter(m) >= t
}

// firstNeverGot returns the earliest return of a present never-got push.
func (p *peeler) firstNeverGot() int64 {
	for ; p.np < len(p.never); p.np++ {
		if o := p.never[p.np]; p.present[o] {
			return p.ops[o].ret
		}
	}
	return math.MaxInt64
}
