package fast

import (
	"slices"
	"sort"

	"github.com/pcqkit/pcq/linearizability/internal/maxtree"
)

// Counting bounds the queue length from above: a value can be queued at an
// instant x only if its put was called at or before x and its get (if any)
// returned at or after x. So at every instant x of any linearization
//
//	len(x) <= U(x) = #{v : pc(v) <= x <= gr(v)},
//
// counting unknown puts (which may have taken effect) with gr = +inf and
// ignoring unknown gets (which can only shorten the queue).
//
// Two consequences, both sound:
//   - if U never exceeds the capacity, no put ever finds the queue full, and
//     the capacity cannot matter: the history is linearizable for the bounded
//     queue exactly when it is for the unbounded one (when no full results);
//   - a try_put that answered full at x needs len(x) == capacity, impossible
//     if U(x) < capacity at every instant of its call.

// bounds holds the sorted starts and ends of the intervals [pc, gr].
type bounds struct {
	starts, ends []int64
}

func (fh *hist) bounds() bounds {
	var b bounds
	for i := range fh.vals {
		b.starts = append(b.starts, fh.vals[i].pc)
		b.ends = append(b.ends, fh.vals[i].gr)
	}
	for _, i := range fh.maybe {
		b.starts = append(b.starts, fh.h.Operations[i].Call)
		b.ends = append(b.ends, inf)
	}
	slices.Sort(b.starts)
	slices.Sort(b.ends)
	return b
}

// at returns U(x).
func (b *bounds) at(x int64) int {
	started := sort.Search(len(b.starts), func(k int) bool { return b.starts[k] > x })
	ended := sort.Search(len(b.ends), func(k int) bool { return b.ends[k] >= x })
	return started - ended
}

// maxQueued returns the maximum of U over all time.
func (fh *hist) maxQueued() int {
	b := fh.bounds()
	best, n, j := 0, 0, 0
	for _, s := range b.starts {
		for j < len(b.ends) && b.ends[j] < s {
			j++
			n--
		}
		n++
		best = max(best, n)
	}
	return best
}

// fullImpossible finds a try_put that answered full although the queue is
// unbounded, or although fewer than capacity values could be queued at
// every instant of its call.
func (fh *hist) fullImpossible() *violation {
	if len(fh.fulls) == 0 {
		return nil
	}
	if fh.h.Capacity <= 0 {
		return fh.fullViolation(fh.fulls[0], -1)
	}
	b := fh.bounds()
	// U rises only at starts: its maximum over [c, r] is at c or at a start
	// inside (c, r].
	peaks := make([]int64, len(b.starts))
	for k, s := range b.starts {
		peaks[k] = int64(b.at(s))
	}
	tree := maxtree.New(peaks, 0)
	for _, f := range fh.fulls {
		op := &fh.h.Operations[f]
		m := b.at(op.Call)
		lo := sort.Search(len(b.starts), func(k int) bool { return b.starts[k] > op.Call })
		hi := sort.Search(len(b.starts), func(k int) bool { return b.starts[k] > op.Return })
		m = max(m, int(tree.Max(lo, hi)))
		if m < fh.h.Capacity {
			return fh.fullViolation(f, m)
		}
	}
	return nil
}
