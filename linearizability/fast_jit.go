package linearizability

import (
	"cmp"
	"slices"

	"github.com/pcqkit/pcq/models"
)

// fastJIT builds a candidate linearization for a fixed order of the values
// by sweeping time and doing each step as late as possible: a put when its
// return, a later get, a put that needs room or a full result forces it; a
// get when its return, a put that needs room or an empty result forces it.
// Empty and full results take effect the first moment the queue is empty,
// or full, inside their interval. Laziness keeps every step available as
// long as possible. The sweep proves nothing: the replay does.
type fastJIT struct {
	fh     *fastHist
	order  []int32
	c      int // capacity, 0: unbounded
	puts   int // values put so far, in order
	gets   int // values got so far
	now    int64
	seq    []fastEvent
	empty  []int32 // pending empty results
	full   []int32 // pending full results
	done   []bool  // empty and full results placed, by operation index
	failed bool
	eager  bool // inside tryFill or tryDrain
}

// fastDeadline is something that happens at an instant of the sweep.
type fastDeadline struct {
	at   int64
	kind uint8 // fastArrive first at equal instants
	i    int32 // position in order, or operation index
}

// The kinds of deadline, in the order they are handled at one instant:
// empty and full results before the puts and gets that could spoil them.
const (
	fastArrive   uint8 = iota // an empty or full result is called
	fastEmptyDue              // an empty result returns
	fastFullDue               // a full result returns
	fastPutDue                // a put returns
	fastGetDue                // a get returns
)

// jit runs the sweep and returns the steps, or nil if it got stuck.
func (fh *fastHist) jit(order []int32) []fastEvent {
	j := &fastJIT{fh: fh, order: order, c: fh.h.Capacity, done: make([]bool, len(fh.h.Operations))}
	for _, d := range j.deadlines() {
		j.now = d.at
		j.handle(d)
		if j.failed {
			return nil
		}
	}
	return j.seq
}

func (j *fastJIT) deadlines() []fastDeadline {
	var ds []fastDeadline
	for pos, vi := range j.order {
		v := &j.fh.vals[vi]
		if v.pr != fastInf {
			ds = append(ds, fastDeadline{v.pr, fastPutDue, int32(pos)})
		}
		if v.got() {
			ds = append(ds, fastDeadline{v.gr, fastGetDue, int32(pos)})
		}
	}
	for _, e := range j.fh.empties {
		op := &j.fh.h.Operations[e]
		ds = append(ds, fastDeadline{op.Call, fastArrive, e}, fastDeadline{op.Return, fastEmptyDue, e})
	}
	for _, f := range j.fh.fulls {
		op := &j.fh.h.Operations[f]
		ds = append(ds, fastDeadline{op.Call, fastArrive, f}, fastDeadline{op.Return, fastFullDue, f})
	}
	slices.SortFunc(ds, func(a, b fastDeadline) int {
		if a.at != b.at {
			return cmp.Compare(a.at, b.at)
		}
		if a.kind != b.kind {
			return cmp.Compare(a.kind, b.kind)
		}
		return cmp.Compare(a.i, b.i)
	})
	return ds
}

func (j *fastJIT) handle(d fastDeadline) {
	switch d.kind {
	case fastArrive:
		if j.fh.h.Operations[d.i].Output.Result == models.Empty {
			j.empty = append(j.empty, d.i)
		} else {
			j.full = append(j.full, d.i)
		}
		j.settle()
	case fastPutDue:
		for j.puts <= int(d.i) && !j.failed {
			j.put()
		}
	case fastGetDue:
		for j.gets <= int(d.i) && !j.failed {
			if j.gets == j.puts {
				j.put()
			}
			j.get()
		}
	case fastEmptyDue:
		for !j.done[d.i] && !j.failed {
			j.get()
		}
	case fastFullDue:
		for !j.done[d.i] && !j.failed {
			j.put()
		}
	}
}

// put puts the next value, first making room if the queue is full.
func (j *fastJIT) put() {
	if j.puts >= len(j.order) || j.fh.vals[j.order[j.puts]].pc > j.now {
		j.failed = true
		return
	}
	if j.c > 0 && j.puts-j.gets >= j.c {
		j.get()
		if j.failed {
			return
		}
	}
	j.tryDrain()
	j.seq = append(j.seq, fastEvent{j.fh.vals[j.order[j.puts]].put, j.now})
	j.puts++
	j.settle()
}

// get gets the next value, which must have been put and its get called.
func (j *fastJIT) get() {
	if j.gets >= j.puts || !j.fh.vals[j.order[j.gets]].got() || j.fh.vals[j.order[j.gets]].gc > j.now {
		j.failed = true
		return
	}
	j.tryFill()
	j.seq = append(j.seq, fastEvent{j.fh.vals[j.order[j.gets]].get, j.now})
	j.gets++
	j.settle()
}

// tryFill fills the queue before a get, when a full result is pending and
// the puts needed are already called: the get would spoil it.
func (j *fastJIT) tryFill() {
	need := j.c - (j.puts - j.gets)
	if j.eager || len(j.full) == 0 || j.c == 0 || j.puts+need > len(j.order) {
		return
	}
	for k := j.puts; k < j.puts+need; k++ {
		if j.fh.vals[j.order[k]].pc > j.now {
			return
		}
	}
	j.eager = true
	for range need {
		j.put()
	}
	j.eager = false
}

// tryDrain empties the queue before a put, when an empty result is
// pending and the gets needed are already called: the put would spoil it.
func (j *fastJIT) tryDrain() {
	if j.eager || len(j.empty) == 0 {
		return
	}
	for k := j.gets; k < j.puts; k++ {
		if v := &j.fh.vals[j.order[k]]; !v.got() || v.gc > j.now {
			return
		}
	}
	j.eager = true
	for j.gets < j.puts {
		j.get()
	}
	j.eager = false
}

// settle places the pending empty or full results that the queue now
// satisfies.
func (j *fastJIT) settle() {
	n := j.puts - j.gets
	if n == 0 {
		j.empty = j.place(j.empty)
	}
	if j.c > 0 && n == j.c {
		j.full = j.place(j.full)
	}
}

func (j *fastJIT) place(pending []int32) []int32 {
	for _, e := range pending {
		if !j.done[e] {
			j.done[e] = true
			j.seq = append(j.seq, fastEvent{e, j.now})
		}
	}
	return pending[:0]
}
