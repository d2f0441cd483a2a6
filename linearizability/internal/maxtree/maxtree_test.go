package maxtree

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestAgainstScan checks every range maximum against a scan of the
// values, as values are set.
func TestAgainstScan(t *testing.T) {
	const empty = math.MinInt64
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 20 {
		values := make([]int64, n)
		for k := range values {
			values[k] = rng.Int64N(100) - 50
		}
		tree := New(values, empty)
		for range 50 {
			if n > 0 {
				k, v := rng.IntN(n), rng.Int64N(100)-50
				if rng.IntN(4) == 0 {
					v = empty
				}
				values[k] = v
				tree.Set(k, v)
			}
			for lo := range n + 1 {
				for hi := lo; hi <= n; hi++ {
					want := int64(empty)
					for _, v := range values[lo:hi] {
						want = max(want, v)
					}
					if got := tree.Max(lo, hi); got != want {
						t.Fatalf("n %d: Max(%d, %d) = %d, want %d (values %v)", n, lo, hi, got, want, values)
					}
				}
			}
		}
	}
}

// TestEmptyRange: an empty range answers the tree's empty value.
func TestEmptyRange(t *testing.T) {
	tree := New([]int64{3, 9, 4}, 0)
	if got := tree.Max(1, 1); got != 0 {
		t.Fatalf("Max of an empty range = %d, want 0", got)
	}
	if got := tree.Max(0, 3); got != 9 {
		t.Fatalf("Max(0, 3) = %d, want 9", got)
	}
}
