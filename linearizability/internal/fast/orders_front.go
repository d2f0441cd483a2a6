package fast

// candidate is a state of the next layer with the step that made it.
type candidate struct {
	st   state
	step step
}

// layerSet is the next layer of the order search: for each placed set,
// the Pareto front of the vectors V (smaller is better, componentwise).
type layerSet struct {
	states []candidate
	groups map[setKey][]int32 // only when the layer is large
}

type setKey struct {
	base int32
	mask uint64
}

// layerScan is the size up to which a layer is scanned, not hashed.
const layerScan = 16

func (l *layerSet) reset() {
	l.states = l.states[:0]
	clear(l.groups)
}

// add adds c unless a state of the same set has a vector no larger; it
// drops the states of the same set whose vector c's is no larger than.
func (l *layerSet) add(c candidate) {
	key := setKey{c.st.base, c.st.mask}
	var same []int32
	if len(l.states) >= layerScan {
		if len(l.groups) == 0 {
			l.index()
		}
		same = l.groups[key]
	} else {
		for i := range l.states {
			if l.states[i].st.base == key.base && l.states[i].st.mask == key.mask {
				same = append(same, int32(i))
			}
		}
	}
	for _, i := range same {
		if l.states[i].step.rank >= 0 && below(l.states[i].st.v, c.st.v) {
			return
		}
	}
	dropped := false
	for _, i := range same {
		if l.states[i].step.rank >= 0 && below(c.st.v, l.states[i].st.v) {
			l.states[i].step.rank = -1 // dominated: dropped below
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
		k := setKey{l.states[i].st.base, l.states[i].st.mask}
		l.groups[k] = append(l.groups[k], int32(i))
	}
}

// compact drops the dominated states, re-indexing when hashed.
func (l *layerSet) compact() {
	kept := l.states[:0]
	for _, c := range l.states {
		if c.step.rank >= 0 {
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

// below reports whether a <= b componentwise.
func below(a, b []int64) bool {
	for i := range a {
		if a[i] > b[i] {
			return false
		}
	}
	return true
}
