package fast

import (
	"cmp"
	"slices"

	"github.com/pcqkit/pcq/models"
)

// placer builds a candidate linearization for a fixed order of the values
// by sweeping time and doing each step as late as possible: a put when its
// return, a later get, a put that needs room or a full result forces it; a
// get when its return, a put that needs room or an empty result forces it.
// Empty and full results take effect the first moment the queue is empty,
// or full, inside their interval. Laziness keeps every step available as
// long as possible. The sweep proves nothing: the replay does.
type placer struct {
	fh     *hist
	order  []int32
	c      int // capacity, 0: unbounded
	puts   int // values put so far, in order
	gets   int // values got so far
	now    int64
	seq    []event
	empty  []int32 // pending empty results
	full   []int32 // pending full results
	done   []bool  // empty and full results placed, by operation index
	failed bool
	eager  bool // inside tryFill or tryDrain
}

// deadline is something that happens at an instant of the sweep.
type deadline struct {
	at   int64
	kind uint8 // arrive first at equal instants
	i    int32 // position in order, or operation index
}

// The kinds of deadline, in the order they are handled at one instant:
// empty and full results before the puts and gets that could spoil them.
const (
	arrive   uint8 = iota // an empty or full result is called
	emptyDue              // an empty result returns
	fullDue               // a full result returns
	putDue                // a put returns
	getDue                // a get returns
)

// jit runs the sweep and returns the steps, or nil if it got stuck.
func (fh *hist) jit(order []int32) []event {
	j := &placer{fh: fh, order: order, c: fh.h.Capacity, done: make([]bool, len(fh.h.Operations))}
	for _, d := range j.deadlines() {
		j.now = d.at
		j.handle(d)
		if j.failed {
			return nil
		}
	}
	return j.seq
}

func (j *placer) deadlines() []deadline {
	var ds []deadline
	for pos, vi := range j.order {
		v := &j.fh.vals[vi]
		if v.pr != inf {
			ds = append(ds, deadline{v.pr, putDue, int32(pos)})
		}
		if v.got() {
			ds = append(ds, deadline{v.gr, getDue, int32(pos)})
		}
	}
	for _, e := range j.fh.empties {
		op := &j.fh.h.Operations[e]
		ds = append(ds, deadline{op.Call, arrive, e}, deadline{op.Return, emptyDue, e})
	}
	for _, f := range j.fh.fulls {
		op := &j.fh.h.Operations[f]
		ds = append(ds, deadline{op.Call, arrive, f}, deadline{op.Return, fullDue, f})
	}
	slices.SortFunc(ds, func(a, b deadline) int {
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

func (j *placer) handle(d deadline) {
	switch d.kind {
	case arrive:
		if j.fh.h.Operations[d.i].Output.Result == models.Empty {
			j.empty = append(j.empty, d.i)
		} else {
			j.full = append(j.full, d.i)
		}
		j.settle()
	case putDue:
		for j.puts <= int(d.i) && !j.failed {
			j.put()
		}
	case getDue:
		for j.gets <= int(d.i) && !j.failed {
			if j.gets == j.puts {
				j.put()
			}
			j.get()
		}
	case emptyDue:
		for !j.done[d.i] && !j.failed {
			j.get()
		}
	case fullDue:
		for !j.done[d.i] && !j.failed {
			j.put()
		}
	}
}

// put puts the next value, first making room if the queue is full.
func (j *placer) put() {
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
	j.seq = append(j.seq, event{j.fh.vals[j.order[j.puts]].put, j.now})
	j.puts++
	j.settle()
}

// get gets the next value, which must have been put and its get called.
func (j *placer) get() {
	if j.gets >= j.puts || !j.fh.vals[j.order[j.gets]].got() || j.fh.vals[j.order[j.gets]].gc > j.now {
		j.failed = true
		return
	}
	j.tryFill()
	j.seq = append(j.seq, event{j.fh.vals[j.order[j.gets]].get, j.now})
	j.gets++
	j.settle()
}

// tryFill fills the queue before a get, when a full result is pending and
// the puts needed are already called: the get would spoil it.
func (j *placer) tryFill() {
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
func (j *placer) tryDrain() {
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
func (j *placer) settle() {
	n := j.puts - j.gets
	if n == 0 {
		j.empty = j.place(j.empty)
	}
	if j.c > 0 && n == j.c {
		j.full = j.place(j.full)
	}
}

func (j *placer) place(pending []int32) []int32 {
	for _, e := range pending {
		if !j.done[e] {
			j.done[e] = true
			j.seq = append(j.seq, event{e, j.now})
		}
	}
	return pending[:0]
}
