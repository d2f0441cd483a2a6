package fast

import (
	"fmt"
	"math/bits"
	"slices"
	"sort"
)

// The exact search over orders of the values, for a bounded FIFO queue
// whose history has only puts and gets that answered ok (blocking or
// try; canceled ones dropped): no full or empty result, no unknown
// outcome. Values are distinct.
//
// Lemma 1 (earliest.go). For a fixed order, the earliest schedule
// decides: with ga = max(pc, gc) (a value is got after its get is called
// and after its put is called), the k-th value's get is at
// g_k = max(ga_1..ga_k) and its put at p_k = max(pc_1..pc_k, g_{k-c}),
// and the order works iff p_k <= pr_k and g_k <= gr_k for every k. (A
// value never got has ga = gr = +inf: it must come after every got one,
// and at most c of them stay.)
//
// So an order is built value by value, and what the rest needs of the
// values placed so far, D, is: max pc over D (for p), and the gets of the
// last c positions, g_{k-c+1} .. g_k (for the room of the next c puts,
// and g_k = max ga over D for the next get). Call that vector V. Two
// partial orders of the same set D differ only in V, and a smaller V
// (componentwise) admits every continuation the larger does, with every
// time no later. So the search keeps, for each set D, the vectors not
// dominated by another (a Pareto front), layer by layer: exact.
//
// Lemma 2 (polynomial for bounded overlap). Say u must precede v when
// pr_u < pc_v (u's put returned before v's was called) or gr_u < ga_v
// (u's get returned before v could be got). Two values that may come in
// either order have intersecting put intervals; by Helly's theorem for
// intervals, values pairwise free have a common instant inside all their
// put intervals, so their number is at most the number of puts in flight
// at once (at most twice the clients: one client's operations may only
// touch). Every set D the search meets is closed under "must precede",
// so it is the values put-called before some value, give or take a
// window of values whose puts overlap: the search describes it by the
// first value not placed (in order of put call) and a 64-bit mask of the
// next ones, and it gives up (undecided, never a guess) when more than
// 64 puts would have to be considered at once, or the layers grow past a
// budget. Within those bounds it takes O(n * L * w * c) time, L the
// layer width, w the window: polynomial.

// orderBudget bounds the states of one layer of the search.
const orderBudget = 4096

// orderSearch is the search's input: the values in order of put call.
type orderSearch struct {
	fh     *hist
	c      int
	rank   []int32 // rank -> value index
	pc, pr []int64
	ga, gr []int64
	sufPR  []int64 // min pr over ranks >= i
	sufGR  []int64 // min gr over ranks >= i
	lim    []int32 // first rank whose put is called after rank i's returned
	trail  []step  // every state kept, by id: how it was reached
	arena  arena   // the vectors of the layer being built
	spare  arena   // the vectors of the layer being read
}

// arena hands out vectors from a few large blocks, so that a layer's
// vectors cost no allocation once the blocks exist; reset reuses them.
type arena struct {
	blocks [][]int64
	cur    int // block being filled
	used   int // of blocks[cur]
}

const arenaBlock = 1 << 16

func (a *arena) alloc(n int) []int64 {
	for {
		if a.cur == len(a.blocks) {
			a.blocks = append(a.blocks, make([]int64, max(arenaBlock, n)))
		}
		if b := a.blocks[a.cur]; a.used+n <= len(b) {
			v := b[a.used : a.used+n : a.used+n]
			a.used += n
			return v
		}
		a.cur, a.used = a.cur+1, 0
	}
}

func (a *arena) reset() { a.cur, a.used = 0, 0 }

// step is how a state was reached: from which state, placing which rank.
type step struct{ parent, rank int32 }

// state is a partial order: the set placed (base, mask), max pc over it,
// and V; id names its step in the trail.
type state struct {
	base int32
	mask uint64 // bit j: rank base+j placed; bit 0 never
	pmax int64
	v    []int64
	id   int32
}

// orderOutcome is what the search found.
type orderOutcome struct {
	order   []int32 // value indices, when an order exists
	decided bool
	why     string     // why undecided
	stuck   *violation // when no order exists
	width   int        // the widest layer met
}

func newOrderSearch(fh *hist, c int) *orderSearch {
	n := len(fh.vals)
	keys := make([]sortKey, n)
	for i := range fh.vals {
		keys[i] = sortKey{fh.vals[i].pc, int32(i)}
	}
	keys = sortKeys(keys)
	s := &orderSearch{fh: fh, c: c, rank: make([]int32, n), pc: make([]int64, n), pr: make([]int64, n),
		ga: make([]int64, n), gr: make([]int64, n), sufPR: make([]int64, n+1), sufGR: make([]int64, n+1)}
	for r, k := range keys {
		v := &fh.vals[k.i]
		s.rank[r], s.pc[r], s.pr[r], s.ga[r], s.gr[r] = k.i, v.pc, v.pr, max(v.pc, v.gc), v.gr
	}
	s.lim = make([]int32, n)
	for r := range n {
		s.lim[r] = int32(sort.Search(n, func(k int) bool { return s.pc[k] > s.pr[r] }))
	}
	s.sufPR[n], s.sufGR[n] = inf, inf
	for r := n - 1; r >= 0; r-- {
		s.sufPR[r], s.sufGR[r] = min(s.sufPR[r+1], s.pr[r]), min(s.sufGR[r+1], s.gr[r])
	}
	return s
}

// run searches layer by layer.
func (s *orderSearch) run() orderOutcome {
	n := len(s.rank)
	s.trail = append(s.trail[:0], step{-1, -1})
	layer := []state{{pmax: -inf, id: 0}}
	var next layerSet
	width := 1
	for k := 0; k < n; k++ {
		next.reset()
		s.arena, s.spare = s.spare, s.arena // the vectors of layer are in spare now
		s.arena.reset()
		for i := range layer {
			if why := s.expand(&layer[i], &next); why != "" {
				return orderOutcome{why: why}
			}
		}
		if len(next.states) == 0 {
			return orderOutcome{decided: true, stuck: s.stuck(&layer[0], k), width: width}
		}
		if len(next.states) > orderBudget {
			return orderOutcome{why: fmt.Sprintf("more than %d partial orders of the values alive at once", orderBudget)}
		}
		width = max(width, len(next.states))
		layer = s.keep(next.states, layer[:0])
	}
	return orderOutcome{decided: true, order: s.orderOf(layer[0].id), width: width}
}

// keep records the states of a new layer in the trail.
func (s *orderSearch) keep(states []candidate, layer []state) []state {
	for _, c := range states {
		c.st.id = int32(len(s.trail))
		s.trail = append(s.trail, c.step)
		layer = append(layer, c.st)
	}
	return layer
}

// orderOf walks the trail back from state id.
func (s *orderSearch) orderOf(id int32) []int32 {
	var order []int32
	for ; s.trail[id].parent >= 0; id = s.trail[id].parent {
		order = append(order, s.rank[s.trail[id].rank])
	}
	slices.Reverse(order)
	return order
}

// expand adds to next every state that places one more value after st.
func (s *orderSearch) expand(st *state, next *layerSet) string {
	end := s.lim[st.base] // the ranks from end on must follow base
	if end > st.base+64 {
		return "more than 64 puts overlap: beyond the search's window"
	}
	free := s.freeMins(st, end)
	for rest := ^st.mask & lowBits(end-st.base); rest != 0; rest &= rest - 1 {
		r := st.base + int32(bits.TrailingZeros64(rest))
		if s.pc[r] > free.pr(r) || s.ga[r] > free.gr(r) {
			continue // a value not placed must come before it
		}
		if c, ok := s.place(st, r); ok {
			next.add(c)
		}
	}
	return ""
}

func lowBits(n int32) uint64 {
	if n >= 64 {
		return ^uint64(0)
	}
	return 1<<n - 1
}

// place returns st with rank r placed next, or false when r's put or
// get would come after its return.
func (s *orderSearch) place(st *state, r int32) (candidate, bool) {
	pmax := max(st.pmax, s.pc[r])
	p := pmax
	full := len(st.v) == s.c
	if full {
		p = max(p, st.v[0]) // room: the value c places back has left
	}
	if p > s.pr[r] {
		return candidate{}, false
	}
	g := s.ga[r] // inf: never got
	if len(st.v) > 0 {
		g = max(g, st.v[len(st.v)-1])
	}
	g = max(g, p)
	if s.gr[r] != inf && g > s.gr[r] {
		return candidate{}, false
	}
	var v []int64
	if full {
		v = s.arena.alloc(s.c)
		copy(v, st.v[1:])
		v[s.c-1] = g
	} else {
		v = s.arena.alloc(len(st.v) + 1)
		copy(v, st.v)
		v[len(st.v)] = g
	}
	base, mask := st.base, st.mask|1<<uint(r-st.base)
	for mask&1 == 1 {
		mask >>= 1
		base++
	}
	return candidate{st: state{base: base, mask: mask, pmax: pmax, v: v}, step: step{st.id, r}}, true
}

// freeMins holds the two smallest pr and gr over the ranks not placed,
// so that each rank can be compared with the smallest of the others.
type freeMins struct {
	pr1, pr2, gr1, gr2 int64
	prAt, grAt         int32
}

func (m *freeMins) pr(r int32) int64 {
	if r == m.prAt {
		return m.pr2
	}
	return m.pr1
}

func (m *freeMins) gr(r int32) int64 {
	if r == m.grAt {
		return m.gr2
	}
	return m.gr1
}

func (s *orderSearch) freeMins(st *state, end int32) freeMins {
	m := freeMins{pr1: s.sufPR[end], pr2: inf, gr1: s.sufGR[end], gr2: inf, prAt: -1, grAt: -1}
	for rest := ^st.mask & lowBits(end-st.base); rest != 0; rest &= rest - 1 {
		r := st.base + int32(bits.TrailingZeros64(rest))
		m.pr1, m.pr2, m.prAt = twoSmallest(m.pr1, m.pr2, m.prAt, s.pr[r], r)
		m.gr1, m.gr2, m.grAt = twoSmallest(m.gr1, m.gr2, m.grAt, s.gr[r], r)
	}
	return m
}

func twoSmallest(a, b int64, at int32, x int64, r int32) (int64, int64, int32) {
	switch {
	case x < a:
		return x, a, r
	case x < b:
		return a, x, at
	}
	return a, b, at
}
