package fast

import "math/bits"

// expand adds to next every state that places one more step after st: a
// value or a result that nothing not placed must precede (Lemma 3), at
// its earliest (Lemma 1).
func (s *orderSearch) expand(st *state, next *layerSet) string {
	end, pend, why := s.windows(st)
	if why != "" {
		return why
	}
	free := s.freeMins(st, end, pend)
	for rest := ^st.mask & lowBits(end-st.base); rest != 0; rest &= rest - 1 {
		r := st.base + int32(bits.TrailingZeros64(rest))
		if s.pc[r] > free.pr.except(r) || s.ga[r] > free.gr.except(r) || s.pc[r] > free.r.except(-1) || s.ga[r] > free.re {
			continue // something not placed must come before it
		}
		if c, ok := s.placeValue(st, r); ok {
			next.add(c)
		}
	}
	for rest := ^st.pmask & lowBits(pend-st.pbase); rest != 0; rest &= rest - 1 {
		i := st.pbase + int32(bits.TrailingZeros64(rest))
		x := &s.probes[i]
		if x.c > free.pr.except(-1) || x.c > free.gr.except(-1) || x.c > free.r.except(i) {
			continue
		}
		if c, ok := s.placeProbe(st, i); ok {
			next.add(c)
		}
	}
	return ""
}

// windows returns the ends of the windows of values and results that may
// come next: from end (pend) on, each must follow the first not placed.
func (s *orderSearch) windows(st *state) (end, pend int32, why string) {
	end, pend = int32(len(s.rank)), int32(len(s.probes))
	if st.base < end {
		end = s.lim[st.base]
	}
	if st.pbase < pend {
		pend = s.plim[st.pbase]
	}
	switch {
	case end > st.base+64:
		why = "more than 64 puts overlap: beyond the search's window"
	case pend > st.pbase+64:
		why = "more than 64 full or empty results overlap: beyond the search's window"
	}
	return end, pend, why
}

func lowBits(n int32) uint64 {
	if n >= 64 {
		return ^uint64(0)
	}
	return 1<<n - 1
}

// placeValue returns st with rank r placed next, or false when its put
// or its get would come after its return.
func (s *orderSearch) placeValue(st *state, r int32) (candidate, bool) {
	c := s.c
	p := max(st.floor, s.pc[r], st.plast, st.v[1]) // v[1]: the get that makes room
	if p > s.pr[r] {
		return candidate{}, false
	}
	g := max(s.ga[r], st.v[c], p) // inf: never got
	if s.gr[r] != inf && g > s.gr[r] {
		return candidate{}, false
	}
	v := s.arena.alloc(len(st.v))
	copy(v[:c], st.v[1:c+1])
	copy(v[c+1:2*c+1], st.v[c+2:])
	v[c], v[2*c+1] = g, s.gr[r]
	if s.gr[r] >= s.bump[st.k] {
		v[2*c+1] = inf // no full result can delay this get past its return
	}
	next := *st
	next.v, next.k, next.plast = v, st.k+1, p
	next.floor = max(st.floor, s.pc[r])
	next.since = min(st.since+1, int32(c))
	next.mask |= 1 << uint(r-st.base)
	for next.mask&1 == 1 {
		next.mask >>= 1
		next.base++
	}
	return candidate{st: next, step: step{st.id, r}}, true
}

// placeProbe returns st with result i placed next, or false when it
// cannot be placed here or would come after its return.
func (s *orderSearch) placeProbe(st *state, i int32) (candidate, bool) {
	x := &s.probes[i]
	c := s.c
	next := *st
	var t int64
	if x.empty {
		t = max(x.c, st.v[c], st.plast, st.probe) // after every get placed
		if t > x.r {
			return candidate{}, false
		}
		next.floor, next.since = max(st.floor, t), 0
	} else {
		if int(st.k) < c || int(st.since) < c {
			return candidate{}, false // fewer than c values queued here
		}
		t = max(x.c, st.plast, st.v[0], st.probe) // after the (k-c)-th get
		if t > x.r {
			return candidate{}, false
		}
	}
	// A layer's vectors live in its own arena, reused two layers on:
	// never share the parent's.
	next.v = s.arena.alloc(len(st.v))
	copy(next.v, st.v)
	if !x.empty {
		for j := 1; j <= c; j++ { // the c gets after it wait for it
			if next.v[j] = max(next.v[j], t); next.v[j] > next.v[c+1+j] {
				return candidate{}, false
			}
		}
	}
	next.probe = t
	next.pmask |= 1 << uint(i-st.pbase)
	for next.pmask&1 == 1 {
		next.pmask >>= 1
		next.pbase++
	}
	return candidate{st: next, step: step{st.id, -1 - i}}, true
}

// freeMins holds, over the steps not placed, the smallest put and get
// returns of the values, the smallest returns of the results and of the
// empty results: to compare each step with the smallest of the others.
type freeMins struct {
	pr, gr, r twoMins
	re        int64
}

// twoMins is the two smallest of some numbers and where the first is.
type twoMins struct {
	first, second int64
	at            int32
}

// newTwoMins starts from first, the smallest of numbers that no caller
// excludes (at -2).
func newTwoMins(first int64) twoMins { return twoMins{first: first, second: inf, at: -2} }

func (m *twoMins) add(x int64, at int32) {
	switch {
	case x < m.first:
		m.first, m.second, m.at = x, m.first, at
	case x < m.second:
		m.second = x
	}
}

// except returns the smallest of the numbers but the one at at (-1:
// none excluded).
func (m *twoMins) except(at int32) int64 {
	if at == m.at {
		return m.second
	}
	return m.first
}

func (s *orderSearch) freeMins(st *state, end, pend int32) freeMins {
	m := freeMins{pr: newTwoMins(s.sufPR[end]), gr: newTwoMins(s.sufGR[end]), r: newTwoMins(s.sufR[pend]), re: s.sufRE[pend]}
	for rest := ^st.mask & lowBits(end-st.base); rest != 0; rest &= rest - 1 {
		r := st.base + int32(bits.TrailingZeros64(rest))
		m.pr.add(s.pr[r], r)
		m.gr.add(s.gr[r], r)
	}
	for rest := ^st.pmask & lowBits(pend-st.pbase); rest != 0; rest &= rest - 1 {
		i := st.pbase + int32(bits.TrailingZeros64(rest))
		m.r.add(s.probes[i].r, i)
		if s.probes[i].empty {
			m.re = min(m.re, s.probes[i].r)
		}
	}
	return m
}
