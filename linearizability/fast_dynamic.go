package linearizability

import (
	"cmp"
	"container/heap"
	"slices"
)

// fastDyn builds a candidate linearization like [fastJIT], lazily, but
// chooses the order of the values as it goes instead of fixing it first:
// a value is put when its put returns, when its get returns, or to fill
// the queue for a full result; and with it, first, every value not yet put
// whose get returned before its get was called (FIFO must hand those out
// first), in order of get return. Values never got are put only after
// every got value. Like the other builders it proves nothing by itself:
// the replay does.
type fastDyn struct {
	fh      *fastHist
	c       int
	now     int64
	queue   []int32 // values put, in order; queue[head:] are still queued
	head    int
	put     []bool // by value index
	waiting fastValHeap // got values not yet put, by get return
	ungot   fastValHeap // values never got and not yet put, by put return
	seq     []fastEvent
	empty   []int32
	full    []int32
	done    []bool
	failed  bool
	eager   bool
}

// fastValHeap is a heap of value indices by a key.
type fastValHeap struct {
	idx []int32
	key func(int32) int64
}

func (h *fastValHeap) Len() int { return len(h.idx) }
func (h *fastValHeap) Less(a, b int) bool {
	return cmp.Or(cmp.Compare(h.key(h.idx[a]), h.key(h.idx[b])), cmp.Compare(h.idx[a], h.idx[b])) < 0
}
func (h *fastValHeap) Swap(a, b int) { h.idx[a], h.idx[b] = h.idx[b], h.idx[a] }
func (h *fastValHeap) Push(x any)   { h.idx = append(h.idx, x.(int32)) }
func (h *fastValHeap) Pop() any {
	x := h.idx[len(h.idx)-1]
	h.idx = h.idx[:len(h.idx)-1]
	return x
}

// top returns the least value still waiting, skipping those put, or -1.
func (h *fastValHeap) top(put []bool) int32 {
	for h.Len() > 0 && put[h.idx[0]] {
		heap.Pop(h)
	}
	if h.Len() == 0 {
		return -1
	}
	return h.idx[0]
}

// dynamic runs the sweep and returns the steps, or nil if it got stuck.
func (fh *fastHist) dynamic() []fastEvent {
	d := &fastDyn{fh: fh, c: fh.h.Capacity, put: make([]bool, len(fh.vals)), done: make([]bool, len(fh.h.Operations))}
	d.waiting.key = func(i int32) int64 { return fh.vals[i].gr }
	d.ungot.key = func(i int32) int64 { return fh.vals[i].pr }
	var ds []fastDeadline
	for i := range fh.vals {
		v := &fh.vals[i]
		if v.got() {
			d.waiting.idx = append(d.waiting.idx, int32(i))
			ds = append(ds, fastDeadline{v.gr, fastGetDue, int32(i)})
		} else {
			d.ungot.idx = append(d.ungot.idx, int32(i))
		}
		if v.pr != fastInf {
			ds = append(ds, fastDeadline{v.pr, fastPutDue, int32(i)})
		}
	}
	heap.Init(&d.waiting)
	heap.Init(&d.ungot)
	for _, e := range fh.empties {
		op := &fh.h.Operations[e]
		ds = append(ds, fastDeadline{op.Call, fastArrive, e}, fastDeadline{op.Return, fastEmptyDue, e})
	}
	for _, f := range fh.fulls {
		op := &fh.h.Operations[f]
		ds = append(ds, fastDeadline{op.Call, fastArrive, f}, fastDeadline{op.Return, fastFullDue, f})
	}
	slices.SortFunc(ds, func(a, b fastDeadline) int {
		return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.kind, b.kind), cmp.Compare(a.i, b.i))
	})
	for _, dl := range ds {
		d.now = dl.at
		d.handle(dl)
		if d.failed {
			return nil
		}
	}
	return d.seq
}

func (d *fastDyn) handle(dl fastDeadline) {
	switch dl.kind {
	case fastArrive:
		if d.fh.h.Operations[dl.i].Output.Result == resultEmptyForDyn {
			d.empty = append(d.empty, dl.i)
		} else {
			d.full = append(d.full, dl.i)
		}
		d.settle()
	case fastPutDue:
		d.putValue(dl.i)
	case fastGetDue:
		d.putValue(dl.i)
		for !d.failed && d.fh.vals[dl.i].get >= 0 && !d.gotten(dl.i) {
			d.getHead()
		}
	case fastEmptyDue:
		for !d.done[dl.i] && !d.failed {
			d.getHead()
		}
	case fastFullDue:
		for !d.done[dl.i] && !d.failed {
			d.fillOne()
		}
	}
}

// gotten reports whether value i has left the queue.
func (d *fastDyn) gotten(i int32) bool {
	return d.put[i] && slices.Index(d.queue[d.head:], i) < 0
}
