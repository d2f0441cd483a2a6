package lifo

import (
	"cmp"
	"math"
	"slices"

	"github.com/pcqkit/pcq/linearizability/internal/peel"
)

// peeler removes bottom values (bottom.go) from a stack history until
// only empties are left or no bottom is.
type peeler struct {
	ops     []peel.Op
	present []bool
	byRet   []int32      // every operation by return, ties by call
	rets    []int64      // their returns, for binary search
	reach   peel.MaxTree // over byRet: the latest call of a present push or pop or of its partner
	at      []int32      // where each operation is in byRet
	byCall  []int32      // every operation by call
	mp      int          // byRet[:mp] are gone or empties: the next push or pop returns at byRet[mp:]
	cp      int          // byCall[:cp] are in open or are not pushes
	open    []int32      // the pushes called by M, some gone
	never   []int32      // the never-got pushes by return; never[:np] are gone
	np      int
	empties peel.EmptySet
}

// newPeeler starts with every operation of ops present.
func newPeeler(ops []peel.Op) *peeler {
	n := len(ops)
	p := &peeler{ops: ops, present: make([]bool, n), byRet: make([]int32, n), at: make([]int32, n)}
	for i := range p.byRet {
		p.byRet[i], p.present[i] = int32(i), true
	}
	slices.SortFunc(p.byRet, func(x, y int32) int {
		return cmp.Or(cmp.Compare(ops[x].Ret, ops[y].Ret), cmp.Compare(ops[x].Call, ops[y].Call))
	})
	p.byCall = slices.Clone(p.byRet)
	slices.SortStableFunc(p.byCall, func(x, y int32) int { return cmp.Compare(ops[x].Call, ops[y].Call) })
	p.rets = make([]int64, n)
	reach := make([]int64, n)
	var empties []int32
	for k, o := range p.byRet {
		p.at[o], p.rets[k], reach[k] = int32(k), ops[o].Ret, peel.None
		switch op := &ops[o]; {
		case op.Kind == peel.Empty:
			empties = append(empties, o)
		case op.Partner < 0:
			p.never = append(p.never, o)
		default:
			reach[k] = max(op.Call, ops[op.Partner].Call)
		}
	}
	p.reach = peel.NewMaxTree(reach)
	p.empties = peel.NewEmptySet(ops, empties)
	return p
}

// Run removes bottoms until only empties are left (true) or none is
// (false).
func (p *peeler) Run() bool {
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
		if o := p.byRet[p.mp]; p.present[o] && p.ops[o].Kind != peel.Empty {
			return p.ops[o].Ret, true
		}
	}
	return 0, false
}

// openPushes returns the present pushes called by m.
func (p *peeler) openPushes(m int64) []int32 {
	for ; p.cp < len(p.byCall) && p.ops[p.byCall[p.cp]].Call <= m; p.cp++ {
		if o := p.byCall[p.cp]; p.ops[o].Kind == peel.Push {
			p.open = append(p.open, o)
		}
	}
	p.open = slices.DeleteFunc(p.open, func(o int32) bool { return !p.present[o] })
	return p.open
}

// remove takes operation o out.
func (p *peeler) remove(o int32) {
	p.present[o] = false
	p.reach.Set(int(p.at[o]), peel.None)
}

// peelNeverGot removes a never-got bottom and the empties, if there is
// one.
func (p *peeler) peelNeverGot(m int64, open []int32) bool {
	if p.empties.LastCall() > m {
		return false
	}
	for _, o := range open {
		if p.ops[o].Partner < 0 {
			p.remove(o)
			p.empties.RemoveAll(p.present)
			return true
		}
	}
	return false
}

// peelGot removes a got bottom, if there is one.
func (p *peeler) peelGot(m int64, open []int32) bool {
	for _, v := range open {
		if pv := p.ops[v].Partner; pv >= 0 && p.closes(v, m) {
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
	got := &p.ops[p.ops[v].Partner]
	t := max(p.ops[v].Call, got.Call)
	for t <= got.Ret {
		k, _ := slices.BinarySearch(p.rets, t) // byRet[:k] return before t
		next := max(t, p.reach.Prefix(k))
		if next == t {
			break
		}
		t = next
	}
	return t <= got.Ret && p.firstNeverGot() >= t && p.empties.FirstRetCalledAfter(m) >= t
}

// firstNeverGot returns the earliest return of a present never-got push.
func (p *peeler) firstNeverGot() int64 {
	for ; p.np < len(p.never); p.np++ {
		if o := p.never[p.np]; p.present[o] {
			return p.ops[o].Ret
		}
	}
	return math.MaxInt64
}
