package linearizability

import (
	"container/heap"
	"slices"
)

// When the capacity could bind, or a full result could not be refuted by
// counting, the fast checker does not claim a characterisation: it builds
// one candidate linearization and replays it on a bounded FIFO queue (see
// fast_replay.go). A replay that succeeds proves the history linearizable,
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
func (fh *fastHist) witnessOrder(key fastOrderKey, ungotByCall bool) []int32 {
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
			return fastCmp(x.pc, y.pc, a, b) // earliest available: fills the queue
		}
		return fastCmp(x.pr, y.pr, a, b) // earliest due
	})
	return append(order, ungot...)
}

func fastCmp(x, y int64, a, b int32) int {
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
func (fh *fastHist) topoGot(got []int32, key fastOrderKey) []int32 {
	vals := fh.vals
	by := func(key func(*fastVal) int64) []int32 {
		keys := make([]fastKey, len(got))
		for n, i := range got {
			keys[n] = fastKey{key(&vals[i]), i}
		}
		keys = fastSort(keys)
		s := make([]int32, len(keys))
		for n, k := range keys {
			s[n] = k.i
		}
		return s
	}
	byPC, byGC := by(func(v *fastVal) int64 { return v.pc }), by(func(v *fastVal) int64 { return v.gc })
	byPR, byGR := by(func(v *fastVal) int64 { return v.pr }), by(func(v *fastVal) int64 { return v.gr })
	done := make([]bool, len(vals))
	pass := make([]uint8, len(vals)) // bit 0: pc small enough; bit 1: gc small enough
	free := &fastFree{vals: vals, key: key}
	var iPR, iGR, iPC, iGC int
	order := make([]int32, 0, len(got))
	for len(order) < len(got) {
		iPR, iGR = fastSkipDone(byPR, iPR, done), fastSkipDone(byGR, iGR, done)
		minPR, minGR := fastInf, fastInf
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

func fastSkipDone(s []int32, i int, done []bool) int {
	for i < len(s) && done[s[i]] {
		i++
	}
	return i
}

// fastFree is a heap of free values, earliest get return first.
type fastFree struct {
	vals []fastVal
	idx  []int32
	key  fastOrderKey
}

// fastOrderKey says which free value comes next in a candidate order.
type fastOrderKey uint8

// The candidate orders, each a tie-break of the next.
const (
	fastByGetReturn fastOrderKey = iota // earliest get return, then put return
	fastByGetCall                       // earliest get call, then get return
	fastByPutReturn                     // earliest put return, then get return
	fastByPutCall                       // earliest put call, then get return
)

// admit records that value i passed one test; with both, it is free.
func (f *fastFree) admit(i int32, pass []uint8, bit uint8) {
	pass[i] |= bit
	if pass[i] == 3 {
		heap.Push(f, i)
	}
}

func (f *fastFree) Len() int { return len(f.idx) }
func (f *fastFree) Less(a, b int) bool {
	x, y := &f.vals[f.idx[a]], &f.vals[f.idx[b]]
	switch f.key {
	case fastByPutReturn:
		if x.pr != y.pr {
			return x.pr < y.pr
		}
		return fastCmp(x.gr, y.gr, f.idx[a], f.idx[b]) < 0
	case fastByGetCall:
		if x.gc != y.gc {
			return x.gc < y.gc
		}
	case fastByPutCall:
		if x.pc != y.pc {
			return x.pc < y.pc
		}
	}
	if x.gr != y.gr {
		return x.gr < y.gr
	}
	return fastCmp(x.pr, y.pr, f.idx[a], f.idx[b]) < 0
}

func (f *fastFree) Swap(a, b int) { f.idx[a], f.idx[b] = f.idx[b], f.idx[a] }
func (f *fastFree) Push(x any)    { f.idx = append(f.idx, x.(int32)) }
func (f *fastFree) Pop() any {
	x := f.idx[len(f.idx)-1]
	f.idx = f.idx[:len(f.idx)-1]
	return x
}
