package fast

// orderGot finds two got values u, v whose puts did not overlap, put(u)
// before put(v), but get(v) returned before get(u) was called. FIFO hands
// out u first, so no linearization exists, whatever else happened.
//
// Sweep the got values by put call; before each v, admit every got u whose
// put returned before v's put was called, keeping the latest get call.
func (fh *hist) orderGot() *violation {
	byCall := fh.sortedVals(func(v *item) bool { return v.got() }, func(v *item) int64 { return v.pc })
	byRet := fh.returned()
	j, late := 0, int32(-1) // late: admitted got value whose get is called last
	for _, vi := range byCall {
		v := &fh.vals[vi]
		for ; j < len(byRet) && fh.vals[byRet[j]].pr < v.pc; j++ {
			u := &fh.vals[byRet[j]]
			if u.got() && (late < 0 || u.gc > fh.vals[late].gc) {
				late = byRet[j]
			}
		}
		if late >= 0 && fh.vals[late].gc > v.gr {
			return fh.orderViolation(&fh.vals[late], v)
		}
	}
	return nil
}

// orderUngot finds a value u that was put and never got, and a got value v
// whose put was called after put(u) returned: u stays in the queue for
// ever, so FIFO can never hand out v. An unknown get could have removed u
// unseen, so this pattern only counts when there are none.
func (fh *hist) orderUngot() *violation {
	first, last := int32(-1), int32(-1) // ungot put returned first; got put called last
	for i := range fh.vals {
		v := &fh.vals[i]
		switch {
		case !v.got() && (first < 0 || v.pr < fh.vals[first].pr):
			first = int32(i)
		case v.got() && (last < 0 || v.pc > fh.vals[last].pc):
			last = int32(i)
		}
	}
	if first < 0 || last < 0 || fh.vals[first].pr >= fh.vals[last].pc {
		return nil
	}
	return fh.orderViolation(&fh.vals[first], &fh.vals[last])
}

// returned returns the indices of the values whose put returned, sorted by
// the put's return.
func (fh *hist) returned() []int32 {
	if fh.byRet == nil {
		fh.byRet = fh.sortedVals(func(v *item) bool { return v.pr != inf }, func(v *item) int64 { return v.pr })
	}
	return fh.byRet
}

// sortedVals returns the indices of the values that keep satisfies, sorted
// by key (ties by index, for determinism).
func (fh *hist) sortedVals(keep func(*item) bool, key func(*item) int64) []int32 {
	keys := make([]sortKey, 0, len(fh.vals))
	for i := range fh.vals {
		if v := &fh.vals[i]; keep(v) {
			keys = append(keys, sortKey{key(v), int32(i)})
		}
	}
	keys = sortKeys(keys) // stable: ties stay in index order
	idx := make([]int32, len(keys))
	for n, k := range keys {
		idx[n] = k.i
	}
	return idx
}
