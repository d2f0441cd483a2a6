package search

// A skipList is the positions 0..n-1 of a sorted slice with some deleted:
// it finds the nearest position still there on either side, in amortized
// near-constant time (union-find with path halving, one forest per
// direction).
type skipList struct {
	left, right []int // left[k] == k, right[k] == k: k is there
}

func newSkipList(n int) skipList {
	s := skipList{left: make([]int, n), right: make([]int, n+1)}
	for k := range s.left {
		s.left[k] = k
	}
	for k := range s.right {
		s.right[k] = k
	}
	return s
}

// del deletes position k.
func (s skipList) del(k int) {
	if k > 0 {
		s.left[k] = k - 1
	} else {
		s.left[k] = -1
	}
	s.right[k] = k + 1
}

// back returns the last position <= k still there, or -1.
func (s skipList) back(k int) int {
	for k >= 0 && s.left[k] != k {
		if p := s.left[k]; p >= 0 {
			s.left[k] = s.left[p] // halve the path
		}
		k = s.left[k]
	}
	return k
}

// forward returns the first position >= k still there, or n.
func (s skipList) forward(k int) int {
	for s.right[k] != k {
		s.right[k] = s.right[s.right[k]]
		k = s.right[k]
	}
	return k
}
