package prio

// maxTree is a segment tree of int64 values: set one, and the maximum of
// a prefix, each in O(log n).
type maxTree struct {
	n    int
	node []int64 // node[n+k] is value k; node[i] the max of its children
}

// newMaxTree returns the tree of values.
func newMaxTree(values []int64) maxTree {
	t := maxTree{n: len(values), node: make([]int64, 2*len(values))}
	copy(t.node[t.n:], values)
	for i := t.n - 1; i > 0; i-- {
		t.node[i] = max(t.node[2*i], t.node[2*i+1])
	}
	return t
}

// set makes value k v.
func (t maxTree) set(k int, v int64) {
	i := t.n + k
	t.node[i] = v
	for i /= 2; i > 0; i /= 2 {
		t.node[i] = max(t.node[2*i], t.node[2*i+1])
	}
}

// prefix returns the maximum of values [0, k), or none when k is 0.
func (t maxTree) prefix(k int) int64 {
	best := int64(none)
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
