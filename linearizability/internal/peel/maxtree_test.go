package peel

import (
	"math/rand/v2"
	"testing"
)

func TestMaxTreeAgainstScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 20 {
		values := make([]int64, n)
		for k := range values {
			values[k] = rng.Int64N(100) - 50
		}
		tree := NewMaxTree(values)
		for range 50 {
			if n > 0 {
				k, v := rng.IntN(n), rng.Int64N(100)-50
				if rng.IntN(4) == 0 {
					v = None
				}
				values[k] = v
				tree.Set(k, v)
			}
			for k := range n + 1 {
				want := int64(None)
				for _, v := range values[:k] {
					want = max(want, v)
				}
				if got := tree.Prefix(k); got != want {
					t.Fatalf("n %d: Prefix(%d) = %d, want %d (values %v)", n, k, got, want, values)
				}
			}
		}
	}
}
