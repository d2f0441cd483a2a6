// Package maxtree is a segment tree for the maximum of a range of values,
// each value settable, both in O(log n): the fast checker's capacity
// windows and the stack and priority checkers' closures.
package maxtree

// Tree is a segment tree over int64 values (not generic: a tree generic
// over int32 and int64 measured slower in the peeling checkers' closures
// here, if within a noisy machine's reach).
type Tree struct {
	n     int
	node  []int64 // node[n+k] is value k; node[i] the max of its children
	empty int64   // the maximum of no value
}

// New returns the tree of values; empty is what Max answers for an empty
// range.
func New(values []int64, empty int64) Tree {
	t := Tree{n: len(values), node: make([]int64, 2*len(values)), empty: empty}
	copy(t.node[t.n:], values)
	for i := t.n - 1; i > 0; i-- {
		t.node[i] = max(t.node[2*i], t.node[2*i+1])
	}
	return t
}

// Set makes value k v.
func (t Tree) Set(k int, v int64) {
	i := t.n + k
	t.node[i] = v
	for i /= 2; i > 0; i /= 2 {
		t.node[i] = max(t.node[2*i], t.node[2*i+1])
	}
}

// Max returns the maximum of values [lo, hi), or the tree's empty value
// when the range is empty.
func (t Tree) Max(lo, hi int) int64 {
	best := t.empty
	for lo, hi = lo+t.n, hi+t.n; lo < hi; lo, hi = lo/2, hi/2 {
		if lo&1 == 1 {
			best = max(best, t.node[lo])
			lo++
		}
		if hi&1 == 1 {
			hi--
			best = max(best, t.node[hi])
		}
	}
	return best
}
