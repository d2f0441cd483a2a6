package linearizability

import (
	"slices"
	"sort"

	"github.com/pcqkit/pcq/models"
)

// fastEvent is one step of a candidate linearization: an operation index
// and the instant it takes effect.
type fastEvent struct {
	op int32
	at int64
}

// witness tries to build a linearization of fh for a FIFO queue of
// capacity fh.h.Capacity (0: unbounded) and replays it. It reports whether
// the replay succeeded, which proves the history linearizable.
//
// First the puts are placed as late and the gets as early as possible,
// which keeps the queue short (room for puts, empty results); if that
// fails and there are full results, the other way round, which keeps it
// long.
func (fh *fastHist) witness() bool {
	order := fh.witnessOrder()
	if order == nil && len(fh.vals) > 0 {
		return false
	}
	for _, short := range []bool{true, false} {
		if !short && len(fh.fulls) == 0 {
			break
		}
		p, g, ok := fh.points(order, short)
		if !ok {
			return false
		}
		seq := fh.merge(order, p, g)
		if extra, ok := fh.place(seq); ok && fh.replay(seq, extra) {
			return true
		}
	}
	return false
}

// points gives each put and get in order an instant inside its interval,
// in order, the (i-cap)-th value got before the i-th is put: everything as
// early as possible; then, if short, the puts as late as possible, else the
// gets as late as possible.
func (fh *fastHist) points(order []int32, short bool) (p, g []int64, ok bool) {
	c := fh.h.Capacity
	p, g = make([]int64, len(order)), make([]int64, len(order))
	for i, vi := range order {
		v := &fh.vals[vi]
		p[i] = v.pc
		if i > 0 {
			p[i] = max(p[i], p[i-1])
		}
		if c > 0 && i >= c {
			if !fh.vals[order[i-c]].got() {
				return nil, nil, false
			}
			p[i] = max(p[i], g[i-c])
		}
		if p[i] > v.pr {
			return nil, nil, false
		}
		g[i] = fastInf
		if v.got() {
			g[i] = max(v.gc, p[i])
			if i > 0 {
				g[i] = max(g[i], g[i-1])
			}
			if g[i] > v.gr {
				return nil, nil, false
			}
		}
	}
	if short {
		fh.latePuts(order, p, g)
	} else {
		fh.lateGets(order, p, g)
	}
	return p, g, true
}

// latePuts moves each put as late as its interval, its get and the next
// put allow. Each only moves later, so the lower bounds still hold.
func (fh *fastHist) latePuts(order []int32, p, g []int64) {
	for i := len(order) - 1; i >= 0; i-- {
		bound := min(fh.vals[order[i]].pr, g[i])
		if i+1 < len(order) {
			bound = min(bound, p[i+1])
		}
		p[i] = max(p[i], bound)
	}
}

// lateGets moves each get as late as its interval, the next get and the
// put that needs its room allow.
func (fh *fastHist) lateGets(order []int32, p, g []int64) {
	c := fh.h.Capacity
	for i := len(order) - 1; i >= 0; i-- {
		if g[i] == fastInf {
			continue
		}
		bound := fh.vals[order[i]].gr
		if i+1 < len(order) && g[i+1] != fastInf {
			bound = min(bound, g[i+1])
		}
		if c > 0 && i+c < len(order) {
			bound = min(bound, p[i+c])
		}
		g[i] = max(g[i], bound)
	}
}

// merge interleaves the puts and gets by instant. At equal instants an
// earlier value's get goes before a later value's put, and a value's put
// before its own get.
func (fh *fastHist) merge(order []int32, p, g []int64) []fastEvent {
	seq := make([]fastEvent, 0, 2*len(order))
	i, j := 0, 0
	for i < len(order) || (j < len(order) && g[j] != fastInf) {
		if i < len(order) && (j >= i || g[j] == fastInf || p[i] < g[j]) {
			seq = append(seq, fastEvent{fh.vals[order[i]].put, p[i]})
			i++
			continue
		}
		seq = append(seq, fastEvent{fh.vals[order[j]].get, g[j]})
		j++
	}
	return seq
}

// fastSlot is the time between two steps of a candidate linearization
// where the queue holds n values: after step after (-1: before the first).
type fastSlot struct {
	after    int
	from, to int64
	n        int
}

// place puts each empty and full result into a slot of seq where the queue
// is empty, or full, and whose time meets its interval.
func (fh *fastHist) place(seq []fastEvent) (map[int][]fastEvent, bool) {
	var empty, full []fastSlot
	n := 0
	for k := -1; k < len(seq); k++ {
		if k >= 0 {
			if fastIsPut(fh.h.Operations[seq[k].op].Input.Op) {
				n++
			} else {
				n--
			}
		}
		s := fastSlot{after: k, from: -fastInf, to: fastInf, n: n}
		if k >= 0 {
			s.from = seq[k].at
		}
		if k+1 < len(seq) {
			s.to = seq[k+1].at
		}
		switch {
		case n == 0:
			empty = append(empty, s)
		case fh.h.Capacity > 0 && n == fh.h.Capacity:
			full = append(full, s)
		}
	}
	extra := map[int][]fastEvent{}
	for _, ops := range []struct {
		idx   []int32
		slots []fastSlot
	}{{fh.empties, empty}, {fh.fulls, full}} {
		for _, e := range ops.idx {
			op := &fh.h.Operations[e]
			k := sort.Search(len(ops.slots), func(k int) bool { return ops.slots[k].to >= op.Call })
			if k == len(ops.slots) || ops.slots[k].from > op.Return {
				return nil, false
			}
			s := ops.slots[k]
			extra[s.after] = append(extra[s.after], fastEvent{e, max(s.from, op.Call)})
		}
	}
	return extra, true
}

func fastIsPut(op models.Op) bool { return op == models.Put || op == models.TryPut }

// replay runs the candidate linearization, seq with the extra steps after
// each of its steps, on a FIFO queue of the history's capacity, straight
// from the history's operations: every instant inside its operation's
// interval and never decreasing, every result as recorded, and every
// operation with an effect present exactly once. Success proves the
// history linearizable.
func (fh *fastHist) replay(seq []fastEvent, extra map[int][]fastEvent) bool {
	r := fastReplayer{h: fh.h, seen: make([]bool, len(fh.h.Operations)), last: -fastInf}
	for k := -1; k < len(seq); k++ {
		if k >= 0 && !r.step(seq[k]) {
			return false
		}
		steps := extra[k]
		slices.SortFunc(steps, func(a, b fastEvent) int { return fastCmp(a.at, b.at, a.op, b.op) })
		for _, e := range steps {
			if !r.step(e) {
				return false
			}
		}
	}
	return r.complete()
}

type fastReplayer struct {
	h     History
	seen  []bool
	last  int64
	queue []int64
}

func (r *fastReplayer) step(e fastEvent) bool {
	op := &r.h.Operations[e.op]
	end := op.Return
	if op.Output.Result == models.Unknown {
		end = fastInf
	}
	if r.seen[e.op] || e.at < r.last || e.at < op.Call || e.at > end {
		return false
	}
	r.seen[e.op], r.last = true, e.at
	c := r.h.Capacity
	switch res := op.Output.Result; {
	case fastIsPut(op.Input.Op) && (res == models.OK || res == models.Unknown):
		if c > 0 && len(r.queue) >= c {
			return false
		}
		r.queue = append(r.queue, op.Input.Value)
	case op.Input.Op == models.TryPut && res == models.Full:
		return c > 0 && len(r.queue) == c
	case (op.Input.Op == models.Get || op.Input.Op == models.TryGet) && res == models.OK:
		if len(r.queue) == 0 || r.queue[0] != op.Output.Value {
			return false
		}
		r.queue = r.queue[1:]
	case op.Input.Op == models.TryGet && res == models.Empty:
		return len(r.queue) == 0
	default:
		return false
	}
	return true
}

// complete reports whether every operation that must have taken effect
// (every result but canceled and unknown) was replayed.
func (r *fastReplayer) complete() bool {
	for i, op := range r.h.Operations {
		res := op.Output.Result
		if res != models.Canceled && res != models.Unknown && !r.seen[i] {
			return false
		}
	}
	return true
}
