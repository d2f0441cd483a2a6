package prio

import (
	"cmp"
	"math"
	"slices"

	"github.com/pcqkit/pcq/linearizability/internal/peel"
)

// peeler removes peels (busy.go) from a priority history until only
// empties are left or no peel is.
type peeler struct {
	ops     []peel.Op
	present []bool
	byRet   []int32      // every operation by return, ties by call
	rets    []int64      // their returns, for binary search
	reach   peel.MaxTree // over byRet: the latest call of a present push or pop or of its partner
	vals    peel.MaxTree // over byRet: the value of a present push or pop
	at      []int32      // where each operation is in byRet
	byCall  []int32      // every operation by call
	pushOf  map[int64]int32
	mp      int     // byRet[:mp] are gone or empties: the next push or pop returns at byRet[mp:]
	cp      int     // byCall[:cp] are in open or are not pops
	open    []int32 // the pops called by M, some gone
	never   []int32 // the never-got pushes by return; never[:np] are gone
	np      int
	byValue []int32 // the pushes, largest value first; byValue[:vp] are gone
	vp      int
	hint    int64 // the closure the last grow reached, or peel.None
	empties peel.EmptySet
}

// newPeeler starts with every operation of ops present.
func newPeeler(ops []peel.Op) *peeler {
	n := len(ops)
	p := &peeler{hint: peel.None, ops: ops, present: make([]bool, n), byRet: make([]int32, n), at: make([]int32, n), pushOf: map[int64]int32{}}
	for i := range p.byRet {
		p.byRet[i], p.present[i] = int32(i), true
	}
	slices.SortFunc(p.byRet, func(x, y int32) int {
		return cmp.Or(cmp.Compare(ops[x].Ret, ops[y].Ret), cmp.Compare(ops[x].Call, ops[y].Call))
	})
	p.byCall = slices.Clone(p.byRet)
	slices.SortStableFunc(p.byCall, func(x, y int32) int { return cmp.Compare(ops[x].Call, ops[y].Call) })
	p.rets = make([]int64, n)
	reach, vals := make([]int64, n), make([]int64, n)
	var empties []int32
	for k, o := range p.byRet {
		p.at[o], p.rets[k], reach[k], vals[k] = int32(k), ops[o].Ret, peel.None, peel.None
		switch op := &ops[o]; {
		case op.Kind == peel.Empty:
			empties = append(empties, o)
			continue
		case op.Partner < 0:
			p.never = append(p.never, o)
		default:
			reach[k] = max(op.Call, ops[op.Partner].Call)
		}
		vals[k] = ops[o].Value
		if ops[o].Kind == peel.Push {
			p.byValue = append(p.byValue, o)
			p.pushOf[ops[o].Value] = o
		}
	}
	slices.SortFunc(p.byValue, func(x, y int32) int { return cmp.Compare(ops[y].Value, ops[x].Value) })
	p.reach, p.vals = peel.NewMaxTree(reach), peel.NewMaxTree(vals)
	p.empties = peel.NewEmptySet(ops, empties)
	return p
}

// Run removes peels until only empties are left (true) or none is
// (false).
func (p *peeler) Run() bool {
	for {
		m, ok := p.minRet()
		if !ok {
			return true
		}
		if !p.peelNeverGot(m) && !p.peelGot(m) {
			return false
		}
	}
}

// minRet returns M: the earliest return of a present push or pop, which
// is byRet[mp].
func (p *peeler) minRet() (int64, bool) {
	for ; p.mp < len(p.byRet); p.mp++ {
		if o := p.byRet[p.mp]; p.present[o] && p.ops[o].Kind != peel.Empty {
			return p.ops[o].Ret, true
		}
	}
	return 0, false
}

// remove takes operation o out.
func (p *peeler) remove(o int32) {
	p.present[o] = false
	p.reach.Set(int(p.at[o]), peel.None)
	p.vals.Set(int(p.at[o]), peel.None)
}

// largest returns the push of the largest value present, or -1.
func (p *peeler) largest() int32 {
	for ; p.vp < len(p.byValue); p.vp++ {
		if o := p.byValue[p.vp]; p.present[o] {
			return o
		}
	}
	return -1
}

// peelNeverGot removes a never-got peel and the empties, if there is
// one: the largest value present, never got, with no empty called after
// m.
func (p *peeler) peelNeverGot(m int64) bool {
	if p.empties.LastCall() > m {
		return false
	}
	if l := p.largest(); l >= 0 && p.ops[l].Partner < 0 {
		p.remove(l)
		p.empties.RemoveAll(p.present)
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
	if l := p.grow(p.byRet[p.mp]); l >= 0 && p.closes(l, m) {
		p.removeValue(l)
		return true
	}
	for _, g := range p.openPops(m) {
		if l := p.ops[g].Partner; p.closes(l, m) {
			p.removeValue(l)
			return true
		}
	}
	return false
}

// removeValue takes out the got push l and its pop.
func (p *peeler) removeValue(l int32) {
	p.remove(p.ops[l].Partner)
	p.remove(l)
}

// openPops returns the present pops called by m.
func (p *peeler) openPops(m int64) []int32 {
	for ; p.cp < len(p.byCall) && p.ops[p.byCall[p.cp]].Call <= m; p.cp++ {
		if o := p.byCall[p.cp]; p.ops[o].Kind == peel.Pop {
			p.open = append(p.open, o)
		}
	}
	p.open = slices.DeleteFunc(p.open, func(o int32) bool { return !p.present[o] })
	return p.open
}

// span returns the latest call of the got push l and its pop.
func (p *peeler) span(l int32) int64 {
	return max(p.ops[l].Call, p.ops[p.ops[l].Partner].Call)
}

// closure returns the fixpoint T reached from t: the closure of
// whatever made t is every present push and pop returning before T and
// their partners. It stops once T passes limit.
func (p *peeler) closure(t, limit int64) int64 {
	for t <= limit {
		next := max(t, p.reach.Prefix(p.before(t)))
		if next == t {
			break
		}
		t = next
	}
	return t
}

// before returns how many operations of byRet return before t.
func (p *peeler) before(t int64) int {
	k, _ := slices.BinarySearch(p.rets, t)
	return k
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
	if p.ops[o].Kind == peel.Pop {
		l = p.ops[o].Partner
	}
	if p.ops[l].Partner < 0 {
		return l, false
	}
	t := p.span(l)
	for {
		t = p.closure(t, math.MaxInt64)
		v := p.vals.Prefix(p.before(t))
		if v <= p.ops[l].Value {
			p.hint = t
			return l, true
		}
		l = p.pushOf[v]
		if p.ops[l].Partner < 0 {
			return l, false
		}
		t = max(t, p.span(l))
	}
}

// closes reports whether the got push l, with m the earliest return, is
// a got peel: its closure stays within the return of its pop, and takes
// in no larger value, no never-got push and no empty called after m.
func (p *peeler) closes(l int32, m int64) bool {
	ret := p.ops[p.ops[l].Partner].Ret
	t := p.closure(p.span(l), ret)
	return t <= ret && p.vals.Prefix(p.before(t)) <= p.ops[l].Value &&
		p.firstNeverGot() >= t && p.empties.FirstRetCalledAfter(m) >= t
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

// hinted returns the got push of the largest value present that returns
// before the closure the last grow reached, or -1. Once the largest
// value L of a closed set Z is peeled, Z without L is closed, and its
// largest value often closes too: trying it first spares growing the
// same set again, value after value, through a long busy period.
func (p *peeler) hinted() int32 {
	if p.hint == peel.None {
		return -1
	}
	v := p.vals.Prefix(p.before(p.hint))
	if v == peel.None {
		p.hint = peel.None
		return -1
	}
	l := p.pushOf[v]
	if p.ops[l].Partner < 0 {
		p.hint = peel.None
		return -1
	}
	return l
}
