package prio

import (
	"cmp"
	"math"
	"slices"
)

// peeler removes peels (busy.go) from a priority history until only
// empties are left or no peel is.
type peeler struct {
	ops     []sop
	present []bool
	byRet   []int32 // every operation by return, ties by call
	rets    []int64 // their returns, for binary search
	reach   maxTree // over byRet: the latest call of a present push or pop or of its partner
	vals    maxTree // over byRet: the value of a present push or pop
	at      []int32 // where each operation is in byRet
	byCall  []int32 // every operation by call
	pushOf  map[int64]int32
	mp      int     // byRet[:mp] are gone or empties: the next push or pop returns at byRet[mp:]
	cp      int     // byCall[:cp] are in open or are not pops
	open    []int32 // the pops called by M, some gone
	never   []int32 // the never-got pushes by return; never[:np] are gone
	np      int
	byValue []int32 // the pushes, largest value first; byValue[:vp] are gone
	vp      int
	hint    int64 // the closure the last grow reached, or none
	empties emptySet
}

// none stands for no time and no value: before every one of a history.
const none = math.MinInt64

// newPeeler starts with every operation of ops present.
func newPeeler(ops []sop) *peeler {
	n := len(ops)
	p := &peeler{hint: none, ops: ops, present: make([]bool, n), byRet: make([]int32, n), at: make([]int32, n), pushOf: map[int64]int32{}}
	for i := range p.byRet {
		p.byRet[i], p.present[i] = int32(i), true
	}
	slices.SortFunc(p.byRet, func(x, y int32) int {
		return cmp.Or(cmp.Compare(ops[x].ret, ops[y].ret), cmp.Compare(ops[x].call, ops[y].call))
	})
	p.byCall = slices.Clone(p.byRet)
	slices.SortStableFunc(p.byCall, func(x, y int32) int { return cmp.Compare(ops[x].call, ops[y].call) })
	p.rets = make([]int64, n)
	reach, vals := make([]int64, n), make([]int64, n)
	var empties []int32
	for k, o := range p.byRet {
		p.at[o], p.rets[k], reach[k], vals[k] = int32(k), ops[o].ret, none, none
		switch op := &ops[o]; {
		case op.kind == empty:
			empties = append(empties, o)
			continue
		case op.partner < 0:
			p.never = append(p.never, o)
		default:
			reach[k] = max(op.call, ops[op.partner].call)
		}
		vals[k] = ops[o].value
		if ops[o].kind == push {
			p.byValue = append(p.byValue, o)
			p.pushOf[ops[o].value] = o
		}
	}
	slices.SortFunc(p.byValue, func(x, y int32) int { return cmp.Compare(ops[y].value, ops[x].value) })
	p.reach, p.vals = newMaxTree(reach), newMaxTree(vals)
	p.empties = newEmptySet(ops, empties)
	return p
}

// run removes peels until only empties are left (true) or none is
// (false).
func (p *peeler) run() bool {
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
		if o := p.byRet[p.mp]; p.present[o] && p.ops[o].kind != empty {
			return p.ops[o].ret, true
		}
	}
	return 0, false
}

// remove takes operation o out.
func (p *peeler) remove(o int32) {
	p.present[o] = false
	p.reach.set(int(p.at[o]), none)
	p.vals.set(int(p.at[o]), none)
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
	if p.empties.lastCall() > m {
		return false
	}
	if l := p.largest(); l >= 0 && p.ops[l].partner < 0 {
		p.remove(l)
		p.empties.removeAll(p.present)
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
		p.hint = none
	}
	if l := p.grow(p.byRet[p.mp]); l >= 0 && p.closes(l, m) {
		p.removeValue(l)
		return true
	}
	for _, g := range p.openPops(m) {
		if l := p.ops[g].partner; p.closes(l, m) {
			p.removeValue(l)
			return true
		}
	}
	return false
}

// removeValue takes out the got push l and its pop.
func (p *peeler) removeValue(l int32) {
	p.remove(p.ops[l].partner)
	p.remove(l)
}

// openPops returns the present pops called by m.
func (p *peeler) openPops(m int64) []int32 {
	for ; p.cp < len(p.byCall) && p.ops[p.byCall[p.cp]].call <= m; p.cp++ {
		if o := p.byCall[p.cp]; p.ops[o].kind == pop {
			p.open = append(p.open, o)
		}
	}
	p.open = slices.DeleteFunc(p.open, func(o int32) bool { return !p.present[o] })
	return p.open
}

// span returns the latest call of the got push l and its pop.
func (p *peeler) span(l int32) int64 {
	return max(p.ops[l].call, p.ops[p.ops[l].partner].call)
}

// closure returns the fixpoint T reached from t: the closure of
// whatever made t is every present push and pop returning before T and
// their partners. It stops once T passes limit.
func (p *peeler) closure(t, limit int64) int64 {
	for t <= limit {
		next := max(t, p.reach.prefix(p.before(t)))
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
	if p.ops[o].kind == pop {
		l = p.ops[o].partner
	}
	if p.ops[l].partner < 0 {
		return l, false
	}
	t := p.span(l)
	for {
		t = p.closure(t, math.MaxInt64)
		v := p.vals.prefix(p.before(t))
		if v <= p.ops[l].value {
			p.hint = t
			return l, true
		}
		l = p.pushOf[v]
		if p.ops[l].partner < 0 {
			return l, false
		}
		t = max(t, p.span(l))
	}
}

// closes reports whether the got push l, with m the earliest return, is
// a got peel: its closure stays within the return of its pop, and takes
// in no larger value, no never-got push and no empty called after m.
func (p *peeler) closes(l int32, m int64) bool {
	ret := p.ops[p.ops[l].partner].ret
	t := p.closure(p.span(l), ret)
	return t <= ret && p.vals.prefix(p.before(t)) <= p.ops[l].value &&
		p.firstNeverGot() >= t && p.empties.firstRetCalledAfter(m) >= t
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

// hinted returns the got push of the largest value present that returns
// before the closure the last grow reached, or -1. Once the largest
// value L of a closed set Z is peeled, Z without L is closed, and its
// largest value often closes too: trying it first spares growing the
// same set again, value after value, through a long busy period.
func (p *peeler) hinted() int32 {
	if p.hint == none {
		return -1
	}
	v := p.vals.prefix(p.before(p.hint))
	if v == none {
		p.hint = none
		return -1
	}
	l := p.pushOf[v]
	if p.ops[l].partner < 0 {
		p.hint = none
		return -1
	}
	return l
}
