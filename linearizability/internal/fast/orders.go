package fast

import (
	"fmt"
	"slices"
	"sort"
)

// The exact search over orders, for a bounded FIFO queue of capacity c
// with distinct values whose history has puts and gets that answered ok
// (blocking or try), try_puts that answered full and try_gets that
// answered empty, and no unknown outcome (canceled operations dropped).
//
// A linearization is fixed by the order of the values (the same for the
// puts and the gets: FIFO) and where each full or empty result goes in
// it: an empty result right after the k-th get and before the (k+1)-th
// put (the queue is empty only there), a full one right after the m-th
// put and before the (m-c+1)-th get (the queue holds values m-c+1..m).
//
// Lemma 1 (earliest schedule). Once that is fixed, every constraint
// bounds a step from below by a step before it: puts in order, gets in
// order, the k-th get after the k-th put, the k-th put after the
// (k-c)-th get (room), an empty result after the gets before it and
// before the puts after it, a full one after the puts and the gets
// before it and before the gets after it, results in the order placed;
// and each step lies in its operation's interval. So the least solution
// of the lower bounds (every step at the latest of its call and the
// steps it must follow) is below every solution, step by step: if it
// puts a step after its return, so does every schedule, and otherwise it
// is one. With ga = max(pc, gc) (a value is got after its get is called
// and after its put is), the k-th value's put is at
// p_k = max(pc_k, p_{k-1}, g_{k-c}, the empty results before it) and its
// get at g_k = max(ga_k, g_{k-1}, p_k, the full results before it). A
// value never got has ga = gr = +inf: it comes after every got one, and
// at most c such values fit.
//
// Lemma 2 (what the rest needs). Build the linearization step by step,
// each step a value (its put and get) or a result. What the steps to come
// need of those placed is: the set placed; the floor of the next put (the
// latest put call placed, and the latest empty result); the last put; the
// last result; how many values were placed since the last empty result
// (a full result needs c of them); and the gets of the last c+1 values
// placed, with their returns (the next put needs the room of the
// (k+1-c)-th get; a full result needs the (k-c)-th get before it and
// delays the c after it). Call the numbers V. Two partial
// linearizations of the same set differ only in V, and one whose times
// are all no later, whose get returns are no earlier, and that placed no
// fewer values since an empty result admits every continuation of the
// other, with every time no later (induction along the steps). So the
// search keeps, for each set placed, the V not dominated by another (a
// Pareto front), layer by layer: exact.
//
// Lemma 3 (polynomial for bounded overlap). Say u must precede v when
// pr_u < pc_v (u's put returned before v's was called) or gr_u < ga_v (u's
// get returned before v could be got); a value must precede a result
// called after its put or its get returned, and a result must precede a
// value whose put is called after the result returned (or whose get, for
// an empty result), and a result called after another returned. Steps
// that may come in either order have intersecting intervals (put
// intervals, for values): by Helly's theorem for intervals, steps
// pairwise free share an instant, so there are at most as many as
// operations in flight at once (twice the clients: one client's
// operations only touch). Every set the search meets is closed under
// "must precede", so it is the values (results) called before some
// value (result), give or take a window of those that overlap it: the
// search describes it by the first value not placed (in order of put
// call) with a 64-bit mask of the next ones, and the same for results.
// It gives up (undecided, never a guess) when a window would need more
// than 64, or a layer grows past a budget. Within those bounds it takes
// O(n * L * w * c) time, L the layer width, w the window: polynomial.

// orderBeam bounds the states of one layer of the search: past it, the
// search keeps the most promising (orders_front.go) and is no longer
// exhaustive. Without full results the layers stay narrow (the get
// returns need no comparing); with them, the Pareto fronts widen, and a
// narrower beam keeps the search fast.
const (
	orderBeam     = 4096
	orderBeamFull = 32
)

// orderSearch is the search's input, its trail of states, and the
// storage of its vectors.
type orderSearch struct {
	fh *hist
	c  int
	// values, by put call
	rank   []int32 // rank -> value index
	pc, pr []int64
	ga, gr []int64
	sufPR  []int64 // min pr over ranks >= i
	sufGR  []int64 // min gr over ranks >= i
	lim    []int32 // first rank whose put is called after rank i's returned
	// full and empty results, by call
	probes []probe
	sufR   []int64 // min return over results >= i
	sufRE  []int64 // min return over empty results >= i
	plim   []int32 // first result called after result i returned
	bump   []int64 // latest return of a full result that can delay the get of position i
	trail  []step  // every state kept, by id: how it was reached
	arena  arena   // the vectors of the layer being built
	spare  arena   // the vectors of the layer being read
}

// probe is a full or empty result.
type probe struct {
	op    int32
	c, r  int64
	empty bool
}

// step is how a state was reached: from which state, placing which value
// (what >= 0, a rank) or result (what < 0: result -1-what).
type step struct{ parent, what int32 }

// state is a partial linearization: the set placed and V (Lemma 2); id
// names its step in the trail.
type state struct {
	base  int32  // first rank not placed
	mask  uint64 // bit j: rank base+j placed (bit 0 never)
	pbase int32  // first result not placed
	pmask uint64 // bit j: result pbase+j placed
	k     int32  // values placed
	floor int64  // the next put is no earlier
	plast int64  // the last put
	probe int64  // the last result
	since int32  // values placed since the last empty result, at most c
	// v[0..c]: gets of the last c+1 values placed, oldest first (-inf
	// before the first value); v[c+1..2c+1]: their get returns (+inf).
	v  []int64
	id int32
}

// orderOutcome is what the search found.
type orderOutcome struct {
	seq     []event // the linearization found, when one exists
	decided bool
	why     string     // why undecided
	stuck   *violation // when none exists
	width   int        // the widest layer met
	partial string     // why the search was not exhaustive; "" if it was
}

func newOrderSearch(fh *hist, c int) *orderSearch {
	s := &orderSearch{fh: fh, c: c}
	s.values()
	s.results()
	s.bumps()
	return s
}

// bumps bounds, for each position q (from 0), the instant of a full
// result that can delay the get of the value at q. A full result placed
// after m values delays the gets of positions m-c..m-1, and can be
// placed only once every value whose put returned before its call is: at
// least need(f) of them. So only the results with need(f) <= q+c can
// delay position q's get, never past their returns: a get return no
// earlier than the latest of them constrains nothing, and is kept as
// +inf (so that the Pareto fronts compare what matters only).
func (s *orderSearch) bumps() {
	n := len(s.rank)
	prs := slices.Clone(s.pr)
	slices.Sort(prs)
	var fulls []probe // by need, which grows with the call
	for _, x := range s.probes {
		if !x.empty {
			fulls = append(fulls, x)
		}
	}
	s.bump = make([]int64, n)
	latest, f := -inf, 0
	for q := range n {
		for ; f < len(fulls); f++ {
			need, _ := slices.BinarySearch(prs, fulls[f].c) // values with pr < c
			if need > q+s.c {
				break
			}
			latest = max(latest, fulls[f].r)
		}
		s.bump[q] = latest
	}
}

// values ranks the values by put call.
func (s *orderSearch) values() {
	fh := s.fh
	n := len(fh.vals)
	keys := make([]sortKey, n)
	for i := range fh.vals {
		keys[i] = sortKey{fh.vals[i].pc, int32(i)}
	}
	keys = sortKeys(keys)
	s.rank, s.pc, s.pr = make([]int32, n), make([]int64, n), make([]int64, n)
	s.ga, s.gr, s.lim = make([]int64, n), make([]int64, n), make([]int32, n)
	s.sufPR, s.sufGR = make([]int64, n+1), make([]int64, n+1)
	for r, k := range keys {
		v := &fh.vals[k.i]
		s.rank[r], s.pc[r], s.pr[r], s.ga[r], s.gr[r] = k.i, v.pc, v.pr, max(v.pc, v.gc), v.gr
	}
	for r := range n {
		s.lim[r] = int32(sort.Search(n, func(k int) bool { return s.pc[k] > s.pr[r] }))
	}
	s.sufPR[n], s.sufGR[n] = inf, inf
	for r := n - 1; r >= 0; r-- {
		s.sufPR[r], s.sufGR[r] = min(s.sufPR[r+1], s.pr[r]), min(s.sufGR[r+1], s.gr[r])
	}
}

// results orders the full and empty results by call.
func (s *orderSearch) results() {
	fh := s.fh
	for _, e := range fh.empties {
		op := &fh.h.Operations[e]
		s.probes = append(s.probes, probe{op: e, c: op.Call, r: op.Return, empty: true})
	}
	for _, f := range fh.fulls {
		op := &fh.h.Operations[f]
		s.probes = append(s.probes, probe{op: f, c: op.Call, r: op.Return})
	}
	sort.SliceStable(s.probes, func(a, b int) bool { return s.probes[a].c < s.probes[b].c })
	n := len(s.probes)
	s.sufR, s.sufRE, s.plim = make([]int64, n+1), make([]int64, n+1), make([]int32, n)
	s.sufR[n], s.sufRE[n] = inf, inf
	for i := n - 1; i >= 0; i-- {
		s.sufR[i], s.sufRE[i] = min(s.sufR[i+1], s.probes[i].r), s.sufRE[i+1]
		if s.probes[i].empty {
			s.sufRE[i] = min(s.sufRE[i], s.probes[i].r)
		}
	}
	for i := range n {
		s.plim[i] = int32(sort.Search(n, func(k int) bool { return s.probes[k].c > s.probes[i].r }))
	}
}

// run searches layer by layer: each layer places one more step. A layer
// wider than beam is cut to it; and with deadlines false the fronts
// ignore the get returns of V (which only full results read). Either
// way, from then on a linearization found counts, and finding none
// decides nothing.
func (s *orderSearch) run(beam int, deadlines bool) orderOutcome {
	s.trail = append(s.trail[:0], step{-1, 0})
	layer := []state{s.root()}
	next := layerSet{deadlines: deadlines}
	width, partial := 1, ""
	if !deadlines && len(s.fh.fulls) > 0 {
		partial = "its fronts ignored the get returns that full results read"
	}
	for range len(s.rank) + len(s.probes) {
		next.reset()
		s.arena, s.spare = s.spare, s.arena // the vectors of layer are in spare now
		s.arena.reset()
		for i := range layer {
			if why := s.expand(&layer[i], &next); why != "" {
				return orderOutcome{why: why}
			}
		}
		if len(next.states) == 0 && partial != "" {
			return orderOutcome{why: "it was not exhaustive (" + partial + ") and found no linearization"}
		}
		if len(next.states) == 0 {
			return orderOutcome{decided: true, stuck: s.stuck(&layer[0]), width: width}
		}
		width = max(width, len(next.states))
		if len(next.states) > beam {
			next.prune(beam)
			partial = fmt.Sprintf("layers cut to the %d most promising partial linearizations", beam)
		}
		layer = s.keep(next.states, layer[:0])
	}
	return orderOutcome{decided: true, seq: s.witness(s.path(layer[0].id)), width: width, partial: partial}
}

// root is the empty partial linearization.
func (s *orderSearch) root() state {
	v := make([]int64, 2*(s.c+1))
	for j := range v {
		v[j] = -inf
		if j > s.c {
			v[j] = inf
		}
	}
	return state{floor: -inf, plast: -inf, probe: -inf, v: v}
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

// path returns the steps from the root to the state id, in order.
func (s *orderSearch) path(id int32) []int32 {
	var p []int32
	for ; s.trail[id].parent >= 0; id = s.trail[id].parent {
		p = append(p, s.trail[id].what)
	}
	for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
		p[i], p[j] = p[j], p[i]
	}
	return p
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
