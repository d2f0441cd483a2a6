package linearizability_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

// A search that would grow without bound stops at the memory budget and
// answers unknown, saying so, long before its time limit.
func TestMemoryBudgetStopsPorcupine(t *testing.T) {
	h := histgen.Blocking(rand.New(rand.NewPCG(3, 4)), blockingConfig(20_000))
	start := time.Now()
	r := linearizability.Check(h, linearizability.WithChecker(linearizability.Porcupine),
		linearizability.WithTimeout(10*time.Minute), linearizability.WithMemoryBudget(4<<20))
	if r.Verdict != linearizability.Unknown || !strings.Contains(r.Explanation, "memory budget reached (4 MiB)") {
		t.Fatalf("got %v: %s", r, r.Explanation)
	}
	if d := time.Since(start); d > 5*time.Minute {
		t.Errorf("stopping at the budget took %v", d)
	}
}

// Under a budget it does not reach, porcupine decides as before, both
// ways; the default budget is a part of the memory the process may use.
func TestMemoryBudgetLeavesSmallSearches(t *testing.T) {
	ok := []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Get(1, 1, 2, 3)}
	bad := []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Get(1, 2, 2, 3)}
	for _, c := range []struct {
		ops  []history.Operation
		want linearizability.Verdict
	}{{ok, linearizability.Linearizable}, {bad, linearizability.Violation}} {
		h := history.History{Kind: models.LIFO, Operations: c.ops}
		for _, budget := range []int64{1 << 20, 0} {
			if r := linearizability.Check(h, linearizability.WithMemoryBudget(budget)); r.Verdict != c.want {
				t.Errorf("budget %d: %v, want %v: %s", budget, r.Verdict, c.want, r.Explanation)
			}
		}
	}
	if b := linearizability.DefaultMemoryBudget(); b < 64<<20 {
		t.Errorf("default budget %d bytes", b)
	}
}

func TestFormatBytes(t *testing.T) {
	for n, want := range map[int64]string{900: "900 B", 4 << 20: "4 MiB", 3 << 29: "1.5 GiB", 0: "0 B"} {
		if got := linearizability.FormatBytes(n); got != want {
			t.Errorf("FormatBytes(%d) = %q, want %q", n, got, want)
		}
	}
}
