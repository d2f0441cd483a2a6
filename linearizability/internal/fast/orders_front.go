package fast

import (
	"cmp"
	"slices"
)

// candidate is a state of the next layer with the step that made it.
type candidate struct {
	st   state
	step step
}

// layerSet is the next layer of the order search: for each placed set,
// the Pareto front of the states (see dominates).
type layerSet struct {
	states []candidate
	groups map[setKey][]int32 // only when the layer is large
	// deadlines: compare the get returns of V too (Lemma 2); without,
	// the fronts may drop a state only it could place a full result in.
	deadlines bool
}

type setKey struct {
	base, pbase int32
	mask, pmask uint64
}

func keyOf(st *state) setKey { return setKey{st.base, st.pbase, st.mask, st.pmask} }

// layerScan is the size up to which a layer is scanned, not hashed.
const layerScan = 16

func (l *layerSet) reset() {
	l.states = l.states[:0]
	clear(l.groups)
}

// add adds c unless a state of the same set has a vector no larger; it
// drops the states of the same set whose vector c's is no larger than.
func (l *layerSet) add(c candidate) {
	key := keyOf(&c.st)
	var same []int32
	if len(l.states) >= layerScan {
		if len(l.groups) == 0 {
			l.index()
		}
		same = l.groups[key]
	} else {
		for i := range l.states {
			if keyOf(&l.states[i].st) == key {
				same = append(same, int32(i))
			}
		}
	}
	for _, i := range same {
		if l.states[i].live() && dominates(&l.states[i].st, &c.st, l.deadlines) {
			return
		}
	}
	dropped := false
	for _, i := range same {
		if l.states[i].live() && dominates(&c.st, &l.states[i].st, l.deadlines) {
			l.states[i].step.parent = -1 // dominated: dropped below
			dropped = true
		}
	}
	l.states = append(l.states, c)
	if len(l.groups) > 0 {
		l.groups[key] = append(l.groups[key], int32(len(l.states)-1))
	}
	if dropped {
		l.compact()
	}
}

// index builds the groups of a layer grown past scanning.
func (l *layerSet) index() {
	if l.groups == nil {
		l.groups = make(map[setKey][]int32)
	}
	for i := range l.states {
		k := keyOf(&l.states[i].st)
		l.groups[k] = append(l.groups[k], int32(i))
	}
}

// compact drops the dominated states, re-indexing when hashed.
func (l *layerSet) compact() {
	kept := l.states[:0]
	for _, c := range l.states {
		if c.live() {
			kept = append(kept, c)
		}
	}
	if len(kept) == len(l.states) {
		return
	}
	l.states = kept
	if len(l.groups) > 0 {
		clear(l.groups)
		l.index()
	}
}

// live reports whether the candidate was not dropped as dominated.
func (c *candidate) live() bool { return c.step.parent >= 0 }

// dominates reports whether a admits every continuation of b, a and b
// having placed the same set (Lemma 2): no time of a is later, no get
// return earlier (unless deadlines is false), and a placed no fewer
// values since an empty result.
func dominates(a, b *state, deadlines bool) bool {
	if a.floor > b.floor || a.plast > b.plast || a.probe > b.probe || a.since < b.since {
		return false
	}
	half := len(a.v) / 2
	for i := range half {
		if a.v[i] > b.v[i] || deadlines && a.v[half+i] < b.v[half+i] {
			return false
		}
	}
	return true
}

// prune keeps the beam states of the layer that look the most promising,
// and the search is no longer exhaustive after it. First the states that
// no state of their set beats on the times alone (the front the get
// returns do not widen), by earliest gets; then the others, by latest get
// returns (the ones a full result may need).
func (l *layerSet) prune(beam int) {
	first := make(map[int32]bool, len(l.states))
	for i := range l.states {
		first[int32(i)] = true
		for j := range l.states {
			if i != j && keyOf(&l.states[i].st) == keyOf(&l.states[j].st) && dominates(&l.states[j].st, &l.states[i].st, false) &&
				!(j > i && dominates(&l.states[i].st, &l.states[j].st, false)) {
				first[int32(i)] = false
				break
			}
		}
	}
	type ranked struct {
		c     candidate
		first bool
		score int64
	}
	rs := make([]ranked, len(l.states))
	for i, c := range l.states {
		half := len(c.st.v) / 2
		var gets, returns int64
		for j := range half {
			if g := c.st.v[j]; g != -inf && g != inf {
				gets += g
			}
			if r := c.st.v[half+j]; r != inf {
				returns += r
			} else {
				returns += 1 << 40
			}
		}
		rs[i] = ranked{c, first[int32(i)], gets}
		if !rs[i].first {
			rs[i].score = -returns
		}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int {
		if a.first != b.first {
			if a.first {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.score, b.score)
	})
	l.states = l.states[:0]
	for _, r := range rs[:beam] {
		l.states = append(l.states, r.c)
	}
}
