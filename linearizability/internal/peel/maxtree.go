package peel

import "math"

// None stands for no time and no value: before every one of a history.
const None = math.MinInt64

// MaxTree is a segment tree of int64 values: set one, and the maximum of
// a prefix, each in O(log n).
type MaxTree struct {
	n    int
	node []int64 // node[n+k] is value k; node[i] the max of its children
}

// NewMaxTree returns the tree of values.
func NewMaxTree(values []int64) MaxTree {
	t := MaxTree{n: len(values), node: make([]int64, 2*len(values))}
	copy(t.node[t.n:], values)
	for i := t.n - 1; i > 0; i-- {
		t.node[i] = max(t.node[2*i], t.node[2*i+1])
	}
	return t
}

// Set makes value k v.
func (t MaxTree) Set(k int, v int64) {
	i := t.n + k
	t.node[i] = v
	for i /= 2; i > 0; i /= 2 {
		t.node[i] = max(t.node[2*i], t.node[2*i+1])
	}
}

// Prefix returns the maximum of values [0, k), or None when k is 0.
func (t MaxTree) Prefix(k int) int64 {
	best := int64(None)
	for lo, hi := t.n, t.n+k; lo < hi; lo, hi = lo/2, hi/2 {
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
