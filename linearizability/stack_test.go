package linearizability

import (
	"strconv"
	"testing"
	"time"
)

// TestStackSetAsideAgrees checks, over many small random stack histories,
// that setting overlapping put/get pairs aside changes no verdict, and that
// it does set pairs aside in many of them (the comparison is not vacuous).
func TestStackSetAsideAgrees(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 500
	}
	shrunk, violations := 0, 0
	for seed := range uint64(n) {
		h := stackHistory(seed, uint16(seed*2654435761>>9))
		if err := stackCompare(h, "seed "+strconv.FormatUint(seed, 10)); err != nil {
			t.Fatal(err)
		}
		if stackSetAside(h) > 0 {
			shrunk++
			if Check(h, WithChecker(Porcupine), WithTimeout(5*time.Second)).Verdict == Violation {
				violations++
			}
		}
	}
	if shrunk < n/5 || violations < n/50 {
		t.Errorf("pairs set aside in %d histories of %d, %d of them violations: too few to show anything", shrunk, n, violations)
	}
	t.Logf("pairs set aside in %d of %d histories (%d of them violations)", shrunk, n, violations)
}
