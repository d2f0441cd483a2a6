package linearizability

import (
	"strconv"
	"testing"

	"github.com/pcqkit/pcq/history"
)

// TestStackDifferential runs the comparison of FuzzStackDifferential over
// many seeds, deterministically, and checks that most are decided.
func TestStackDifferential(t *testing.T) { differential(t, stackCheckerHistory) }

// TestPriorityDifferential runs the comparison of
// FuzzPriorityDifferential over many seeds, deterministically, and checks
// that most are decided.
func TestPriorityDifferential(t *testing.T) { differential(t, prioCheckerHistory) }

func differential(t *testing.T, gen func(seed uint64, shape uint16) history.History) {
	n := 3000
	if testing.Short() {
		n = 500
	}
	count := map[Verdict]int{}
	for seed := range uint64(n) {
		h := gen(seed, uint16(seed*2654435761>>7))
		v, err := compareFastChecker(h, "seed "+strconv.FormatUint(seed, 10))
		if err != nil {
			t.Fatal(err)
		}
		count[v]++
	}
	lin, bad := count[Linearizable], count[Violation]
	if lin < n/5 || bad < n/10 {
		t.Errorf("too few decided: %d linearizable, %d violations of %d", lin, bad, n)
	}
	t.Logf("fast checker: %d linearizable, %d violations, %d handed on, of %d", lin, bad, n-lin-bad, n)
}
