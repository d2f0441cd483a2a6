package fast

import (
	"container/heap"
	"slices"
)

// When the capacity could bind, or a full result could not be refuted by
// counting, the fast checker does not claim a characterisation: it builds
// one candidate linearization and replays it on a bounded FIFO queue (see
// replay.go). A replay that succeeds proves the history linearizable,
// whatever heuristic built it; one that fails proves nothing, and the
// history is handed on. So this part is sound, and incomplete by design.
//
// The candidate fixes an order of the values. A got value u must come
// before a got value v when its put returned before v's put was called, when
// its get returned before v's get was called, or when its get returned
// before v's put was called (a cycle, which the fresh and order patterns
// already rule out between two values, makes the builder give up). Among
// the values free to come next, the one that comes first by one of a few
// keys is taken. The values never got
// follow, in order of put call or put return (either respects the order
// of their puts).

// witnessOrder returns the indices of fh.vals in candidate order, or nil.
func (fh *hist) witnessOrder(key orderKey, ungotByCall bool) []int32 {
	var got, ungot []int32
	for i := range fh.vals {
		if fh.vals[i].got() {
			got = append(got, int32(i))
		} else {
			ungot = append(ungot, int32(i))
		}
	}
	order := fh.topoGot(got, key)
	if order == nil && len(got) > 0 {
		return nil
	}
	slices.SortFunc(ungot, func(a, b int32) int {
		x, y := &fh.vals[a], &fh.vals[b]
		if ungotByCall && x.pc != y.pc {
			return compareAt(x.pc, y.pc, a, b) // earliest available: fills the queue
		}
		return compareAt(x.pr, y.pr, a, b) // earliest due
	})
	return append(order, ungot...)
}

func compareAt(x, y int64, a, b int32) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return int(a - b)
}

// topoGot orders the got values: repeatedly the free value that comes
// first by key. A value v is free when no value left has its put
// return before v's put call, or its get return before v's put or get call.
func (fh *hist) topoGot(got []int32, key orderKey) []int32 {
	vals := fh.vals
	by := func(key func(*item) int64) []int32 {
		keys := make([]sortKey, len(got))
		for n, i := range got {
			keys[n] = sortKey{key(&vals[i]), i}
		}
		keys = sortKeys(keys)
		s := make([]int32, len(keys))
		for n, k := range keys {
			s[n] = k.i
		}
		return s
	}
	byPC, byGC := by(func(v *item) int64 { return v.pc }), by(func(v *item) int64 { return v.gc })
	byPR, byGR := by(func(v *item) int64 { return v.pr }), by(func(v *item) int64 { return v.gr })
	done := make([]bool, len(vals))
	pass := make([]uint8, len(vals)) // bit 0: pc small enough; bit 1: gc small enough
	free := &freeHeap{vals: vals, key: key}
	var iPR, iGR, iPC, iGC int
	order := make([]int32, 0, len(got))
	for len(order) < len(got) {
		iPR, iGR = skipDone(byPR, iPR, done), skipDone(byGR, iGR, done)
		minPR, minGR := inf, inf
		if iPR < len(byPR) {
			minPR = vals[byPR[iPR]].pr
		}
		if iGR < len(byGR) {
			minGR = vals[byGR[iGR]].gr
		}
		for ; iPC < len(byPC) && vals[byPC[iPC]].pc <= min(minPR, minGR); iPC++ {
			free.admit(byPC[iPC], pass, 1)
		}
		for ; iGC < len(byGC) && vals[byGC[iGC]].gc <= minGR; iGC++ {
			free.admit(byGC[iGC], pass, 2)
		}
		if free.Len() == 0 {
			return nil // a cycle: cannot happen without the patterns
		}
		v := heap.Pop(free).(int32)
		done[v] = true
		order = append(order, v)
	}
	return order
}

func skipDone(s []int32, i int, done []bool) int {
	for i < len(s) && done[s[i]] {
		i++
	}
	return i
}

// freeHeap is a heap of free values, earliest get return first.
type freeHeap struct {
	vals []item
	idx  []int32
	key  orderKey
}

// orderKey says which free value comes next in a candidate order.
type orderKey uint8

// The candidate orders, each a tie-break of the next.
const (
	byGetReturn orderKey = iota // earliest get return, then put return
	byGetCall                   // earliest get call, then get return
	byPutReturn                 // earliest put return, then get return
	byPutCall                   // earliest put call, then get return
)

// admit records that value i passed one test; with both, it is free.
func (f *freeHeap) admit(i int32, pass []uint8, bit uint8) {
	pass[i] |= bit
	if pass[i] == 3 {
		heap.Push(f, i)
	}
}

func (f *freeHeap) Len() int { return len(f.idx) }
func (f *freeHeap) Less(a, b int) bool {
	x, y := &f.vals[f.idx[a]], &f.vals[f.idx[b]]
	switch f.key {
	case byPutReturn:
		if x.pr != y.pr {
			return x.pr < y.pr
		}
		return compareAt(x.gr, y.gr, f.idx[a], f.idx[b]) < 0
	case byGetCall:
		if x.gc != y.gc {
			return x.gc < y.gc
		}
	case byPutCall:
		if x.pc != y.pc {
			return x.pc < y.pc
		}
	}
	if x.gr != y.gr {
		return x.gr < y.gr
	}
	return compareAt(x.pr, y.pr, f.idx[a], f.idx[b]) < 0
}

func (f *freeHeap) Swap(a, b int) { f.idx[a], f.idx[b] = f.idx[b], f.idx[a] }
func (f *freeHeap) Push(x any)    { f.idx = append(f.idx, x.(int32)) }
func (f *freeHeap) Pop() any {
	x := f.idx[len(f.idx)-1]
	f.idx = f.idx[:len(f.idx)-1]
	return x
}
