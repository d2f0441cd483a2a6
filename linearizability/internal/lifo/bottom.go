package lifo

// Deciding a stack history by its bottom values.
//
// Notation. o ≺ p (o precedes p) when o returned before p was called
// (o.ret < p.call): every linearization puts o before p. A stack history
// here has pushes (a put that answered ok: value v, got or never got),
// pops (a get that returned v: v's pop) and empties (a try_get that
// answered empty); values are distinct. A sequence of them is a stack's
// when every pop returns the top and every empty finds nothing.
//
// Facts about stack sequences S (each checked by looking at the stack):
//
//	(R) Removing from S a value's push and its pop, a never-got value's
//	    push, or an empty leaves a stack sequence. (The values in between
//	    sit above the removed one and come off before it; an empty never
//	    sees a value, so none is removed under one.) Hence S restricted to
//	    any set of operations closed under "a push with its pop" is a stack
//	    sequence of that set.
//	(B) In S, let v be the value of the first push. Only empties come
//	    before it (a pop would find nothing). v is at the bottom until its
//	    pop, so S = E0 push(v) S1 pop(v) S2 where E0 are empties, S1 holds
//	    no empty and takes every value it puts off again (S1 is a stack
//	    sequence that ends empty), and S2 is a stack sequence; or, when v
//	    is never got, S = E0 push(v) S1 with no empty in S1.
//
// Let M be the earliest return of a push or pop of the history H. A value
// v is a bottom of H when push(v).call <= M (no push or pop precedes it)
// and:
//
//   - v is never got, and every empty e has e.call <= M (no push or pop
//     precedes it). Then H is linearizable iff H without push(v) and
//     without its empties is. If: take a linearization S' of the rest and
//     put first the empties in order of call, then push(v), then S'. It is
//     a stack sequence (v stays at the bottom, nothing in S' pops below
//     its own values, and S' has no empty left), and it respects ≺ (no
//     push or pop precedes an empty or push(v); the empties in call order
//     respect ≺ among themselves). Only if: by (R).
//
//   - v is got, and with X the least set of pushes and pops other than
//     v's that holds every push and pop that precedes push(v) or pop(v) or
//     a member of X, and the partner of each member (the closure), and E0
//     the empties that precede push(v), pop(v) or a member of X:
//     no member of X is called after pop(v) returned, no never-got value
//     is in X, and every e in E0 has e.call <= M. Then H is linearizable
//     iff X is and Y is, where Y is everything else (H without v, X, E0).
//     If: from linearizations S_X and S_Y build E0 (by call) push(v) S_X
//     pop(v) S_Y. A stack sequence: S_X puts nothing it does not take off
//     again and has no empty, so pop(v) finds v on top and S_Y starts
//     from the empty stack. It respects ≺: nothing precedes an empty of
//     E0 or push(v) (call <= M) except empties of E0, which ≺ keeps in
//     call order; whatever precedes pop(v) or a member of X is in E0 or X
//     by the closure; pop(v) precedes no member of X. Only if: by (R),
//     restrict a linearization of H to X and to Y (both closed under
//     partners).
//
// Every linearizable H with a push has a bottom: take a linearization S
// and its first pushed value v as in (B). Every push and pop comes after
// push(v), so push(v).call <= M. If v is never got, every empty is in E0
// of S, before every push and pop, so e.call <= M. If v is got, by
// induction on the closure every member of X is in S1 (a push or pop
// that precedes pop(v) or a member of S1 comes before it in S, and it is
// not in E0; S1 holds the partners of its members), so no member of X is
// called after pop(v) returned and none is a never-got value; an empty
// that precedes pop(v) or a member of S1 is in E0 of S, before every
// push and pop, so its call is <= M.
//
// So: H is linearizable iff it has only empties (in order of call they
// are a stack sequence), or it has a bottom and the smaller histories the
// bottom leaves are. Which bottom is taken does not matter: each one's
// split is an "iff". A history with a push and no bottom is not
// linearizable: the remaining operations of that block are the violation.
//
// Computing it. ≺ is an interval order, so the operations that precede
// some member of a set are those that return before the set's latest
// call T: the closure grows a threshold T from max(push(v).call,
// pop(v).call), taking in, in order of return, each push and pop with
// ret < T and raising T to its call and its partner's, until none is
// left (ret >= T); v fails when T passes pop(v).ret or a never-got value
// or an empty with call > M comes in. The closure from a larger start
// holds the closure from a smaller one, so the candidates of a block
// (pushes called by M: they all overlap the instant M, so at most as many
// as operations in flight at once) are tried in order of their start,
// sharing one scan. Every operation scanned goes (into X, E0, or is v's),
// except when the block has no bottom and the check ends. Never-got
// candidates are tried first: they need no scan. X becomes a block of
// its own (copied and sorted); Y stays in place. An operation is thus
// sorted once per got bottom value under which it lies: O(n d log n) for
// n operations and bottoms nested d deep at most, O(n² log n) at worst.

import (
	"cmp"
	"slices"
)

// block is a set of operations that is linearizable on its own exactly
// when the history it came from is, with its pointers into them.
type block struct {
	id      int32
	byRet   []int32 // its operations by return, ties by call
	byCall  []int32 // its operations by call
	empties []int32 // its empties by call (only the first block has any)
	mp      int     // byRet[:mp] are gone or empties: the next push or pop returns at byRet[mp:]
	sp      int     // byRet[:sp] are gone or scanned
	cp      int     // byCall[:cp] are in open or are not pushes
	open    []int32 // its pushes called by M, some gone
}

// peeler removes bottom values from the blocks of a stack history until
// none is left or a block has no bottom.
type peeler struct {
	ops  []sop
	home []int32 // the block id of each operation; -1: gone
	next int32
	work []*block
}

// gone marks operation o as placed.
const gone = -1

// newPeeler starts with every operation of ops in one block.
func newPeeler(ops []sop) *peeler {
	p := &peeler{ops: ops, home: make([]int32, len(ops))}
	all := make([]int32, len(ops))
	for i := range all {
		all[i] = int32(i)
	}
	p.work = append(p.work, p.newBlock(all))
	return p
}

// newBlock makes a block of the operations members.
func (p *peeler) newBlock(members []int32) *block {
	b := &block{id: p.next, byRet: members, byCall: slices.Clone(members)}
	p.next++
	for _, o := range members {
		p.home[o] = b.id
		if p.ops[o].kind == empty {
			b.empties = append(b.empties, o)
		}
	}
	slices.SortFunc(b.byRet, func(x, y int32) int {
		return cmp.Or(cmp.Compare(p.ops[x].ret, p.ops[y].ret), cmp.Compare(p.ops[x].call, p.ops[y].call))
	})
	byCall := func(x, y int32) int { return cmp.Compare(p.ops[x].call, p.ops[y].call) }
	slices.SortFunc(b.byCall, byCall)
	slices.SortFunc(b.empties, byCall)
	return b
}

// run peels every block; it returns the block left with no bottom, if
// any, and M there.
func (p *peeler) run() (*block, int64) {
	for len(p.work) > 0 {
		b := p.work[len(p.work)-1]
		p.work = p.work[:len(p.work)-1]
		if m, stuck := p.drain(b); stuck {
			return b, m
		}
	}
	return nil, 0
}

// drain removes bottoms from b until it has only empties left (true) or
// no bottom (false, with M).
func (p *peeler) drain(b *block) (int64, bool) {
	for {
		m, ok := p.minRet(b)
		if !ok {
			return 0, false
		}
		open := p.openPushes(b, m)
		if p.peelNeverGot(b, m, open) || p.peelGot(b, m, open) {
			continue
		}
		return m, true
	}
}

// minRet returns M: the earliest return of a push or pop of b.
func (p *peeler) minRet(b *block) (int64, bool) {
	for ; b.mp < len(b.byRet); b.mp++ {
		if o := b.byRet[b.mp]; p.home[o] == b.id && p.ops[o].kind != empty {
			return p.ops[o].ret, true
		}
	}
	return 0, false
}

// openPushes returns the pushes of b called by m.
func (p *peeler) openPushes(b *block, m int64) []int32 {
	for ; b.cp < len(b.byCall) && p.ops[b.byCall[b.cp]].call <= m; b.cp++ {
		if o := b.byCall[b.cp]; p.ops[o].kind == push {
			b.open = append(b.open, o)
		}
	}
	b.open = slices.DeleteFunc(b.open, func(o int32) bool { return p.home[o] != b.id })
	return b.open
}

// lastEmpty returns b's present empty called last, or -1.
func (p *peeler) lastEmpty(b *block) int32 {
	for len(b.empties) > 0 {
		e := b.empties[len(b.empties)-1]
		if p.home[e] == b.id {
			return e
		}
		b.empties = b.empties[:len(b.empties)-1]
	}
	return -1
}

// peelNeverGot removes a never-got bottom and the empties, if there is
// one.
func (p *peeler) peelNeverGot(b *block, m int64, open []int32) bool {
	if e := p.lastEmpty(b); e >= 0 && p.ops[e].call > m {
		return false
	}
	for _, o := range open {
		if p.ops[o].partner < 0 {
			p.home[o] = gone
			for _, e := range b.empties {
				p.home[e] = gone
			}
			b.empties = nil
			return true
		}
	}
	return false
}

// closure is the scan of a block shared by its got candidates.
type closure struct {
	t       int64   // the threshold: the latest call of what must come before
	bad     int32   // a never-got push or an empty called after M taken in; -1: none
	raiser  int32   // the operation that raised t last
	scanned []int32 // the operations taken in
}

// peelGot removes a got bottom of b, if there is one, and makes its X a
// block.
func (p *peeler) peelGot(b *block, m int64, open []int32) bool {
	cands := p.gotCandidates(open)
	c := closure{t: -1 << 63, bad: -1, raiser: -1}
	for _, v := range cands {
		pv := p.ops[v].partner
		if start := max(p.ops[v].call, p.ops[pv].call); start > c.t {
			c.t, c.raiser = start, v
		}
		p.scan(b, m, &c, p.ops[pv].ret)
		if c.bad >= 0 {
			return false
		}
		if c.t <= p.ops[pv].ret {
			p.split(v, c.scanned)
			return true
		}
	}
	return false
}

// gotCandidates returns the got pushes among open, by the start of their
// closure.
func (p *peeler) gotCandidates(open []int32) []int32 {
	var cands []int32
	for _, o := range open {
		if p.ops[o].partner >= 0 {
			cands = append(cands, o)
		}
	}
	start := func(o int32) int64 { return max(p.ops[o].call, p.ops[p.ops[o].partner].call) }
	slices.SortFunc(cands, func(x, y int32) int { return cmp.Compare(start(x), start(y)) })
	return cands
}

// scan takes into c, in order of return, the operations of b that return
// before c.t, raising c.t, until none is left, a bad one comes in, or
// c.t passes limit.
func (p *peeler) scan(b *block, m int64, c *closure, limit int64) {
	for ; b.sp < len(b.byRet); b.sp++ {
		o := b.byRet[b.sp]
		if p.home[o] != b.id {
			continue
		}
		op := &p.ops[o]
		if op.ret >= c.t || c.t > limit {
			return
		}
		c.scanned = append(c.scanned, o)
		switch {
		case op.kind == empty && op.call > m, op.kind == push && op.partner < 0:
			c.bad = o
			b.sp++
			return
		case op.kind != empty:
			if t := max(op.call, p.ops[op.partner].call); t > c.t {
				c.t, c.raiser = t, o
			}
		}
	}
}

// split removes the bottom v and the empties scanned, and makes the
// pushes and pops scanned, with their partners, a block.
func (p *peeler) split(v int32, scanned []int32) {
	pv := p.ops[v].partner
	p.home[v], p.home[pv] = gone, gone
	var x []int32
	for _, o := range scanned {
		switch {
		case p.home[o] == gone:
		case p.ops[o].kind == empty:
			p.home[o] = gone
		default:
			x = append(x, o)
			partner := p.ops[o].partner
			if p.home[partner] == p.home[o] {
				x = append(x, partner)
			}
			p.home[o], p.home[partner] = gone, gone // moved: newBlock sets them
		}
	}
	if len(x) > 0 {
		p.work = append(p.work, p.newBlock(x))
	}
}
