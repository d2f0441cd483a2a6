package search

import (
	"math/rand/v2"
	"testing"
)

// TestSkipList deletes random positions and checks back and forward
// against a plain scan.
func TestSkipList(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for round := range 50 {
		n := 1 + rng.IntN(40)
		s, gone := newSkipList(n), make([]bool, n)
		for range n {
			k := rng.IntN(n)
			s.del(k)
			gone[k] = true
			for q := range n {
				wantBack, wantFwd := -1, n
				for j := q; j >= 0; j-- {
					if !gone[j] {
						wantBack = j
						break
					}
				}
				for j := q; j < n; j++ {
					if !gone[j] {
						wantFwd = j
						break
					}
				}
				if b, f := s.back(q), s.forward(q); b != wantBack || f != wantFwd {
					t.Fatalf("round %d: back(%d) = %d, forward(%d) = %d; want %d, %d (deleted %v)", round, q, b, q, f, wantBack, wantFwd, gone)
				}
			}
		}
	}
}
