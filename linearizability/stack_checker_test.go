package linearizability

import (
	"strconv"
	"testing"
)

// TestStackDifferential runs the comparison of FuzzStackDifferential over
// many seeds, deterministically, and checks that most are decided.
func TestStackDifferential(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 500
	}
	count := map[Verdict]int{}
	for seed := range uint64(n) {
		h := stackCheckerHistory(seed, uint16(seed*2654435761>>7))
		v, err := compareStackChecker(h, "seed "+strconv.FormatUint(seed, 10))
		if err != nil {
			t.Fatal(err)
		}
		count[v]++
	}
	lin, bad := count[Linearizable], count[Violation]
	if lin < n/5 || bad < n/10 {
		t.Errorf("too few decided: %d linearizable, %d violations of %d", lin, bad, n)
	}
	t.Logf("stack checker: %d linearizable, %d violations, %d handed on, of %d", lin, bad, n-lin-bad, n)
}
