package scenario

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/internal/catchrate"
	"github.com/pcqkit/pcq/internal/impls"
	"github.com/pcqkit/pcq/models"
)

// putBurstBudget bounds TestPutBurstCatchesLostSlots. Measured
// (PCQ_MEASURE_PUT_BURST=200 go test -race -run TestMeasurePutBurst
// ./internal/scenario, on the 2-core machine beside three flake gates,
// load 8-10): see putBurstMeasured. A catch stops the test at once, so
// only a miss waits the budget out.
const putBurstBudget = time.Minute

// lostRing is the broken lock-free ring whose puts claim a slot with a
// load and a store: overlapping puts fill one slot twice.
func lostRing(t testing.TB) broken.Bug {
	for _, b := range broken.All() {
		if b.Name == "lost-in-ring" {
			return b
		}
	}
	t.Fatal("no lost-in-ring in internal/broken")
	return broken.Bug{}
}

// putBurstCatch runs a one-client scenario that cannot show the bug (one
// put, one get) on the lost ring until its put burst probe fails, or
// budget passes; it returns the runs it took and the failing outcome.
func putBurstCatch(t testing.TB, budget time.Duration) (int, Outcome, bool) {
	b := lostRing(t)
	s := Scenario{Capacity: 64, Clients: [][]Step{{{Op: models.TryPut}, {Op: models.TryGet}}}}
	start := time.Now()
	for runs := 1; ; runs++ {
		o := Run(context.Background(), b.New, s, Options{ProbeWait: 100 * time.Millisecond})
		if !o.Passed() || time.Since(start) > budget {
			return runs, o, !o.Passed()
		}
	}
}

func TestPutBurstCatchesLostSlots(t *testing.T) {
	runs, o, caught := putBurstCatch(t, putBurstBudget)
	if !caught {
		t.Fatalf("%d runs passed the lost ring within %v", runs, putBurstBudget)
	}
	if o.Check != harness.Conservation || !strings.Contains(o.Explanation, "put burst") || !strings.Contains(o.Explanation, "lost: value") {
		t.Fatalf("failure %q: %s; want the put burst to find a lost item", o.Check, o.Explanation)
	}
	t.Logf("caught in run %d: %s", runs, o.Explanation)
}

func TestPutBurstPassesCorrectQueues(t *testing.T) {
	s := Scenario{Clients: [][]Step{{{Op: models.TryPut}, {Op: models.TryGet}}}}
	for _, impl := range impls.All() {
		for _, c := range []int{1, 3, 64, 0} {
			if c == 0 && !impl.Unbounded || c > 0 && !impl.Bounded {
				continue
			}
			s.Capacity = c
			for range 5 {
				o := Run(context.Background(), impl.New, s, Options{Kind: impl.Model, ProbeWait: 100 * time.Millisecond})
				if !o.Passed() {
					t.Fatalf("%s, capacity %d: a correct queue failed: %v", impl.Name, c, o.Err())
				}
			}
		}
	}
}

// TestMeasurePutBurst measures what TestPutBurstCatchesLostSlots relies
// on: PCQ_MEASURE_PUT_BURST=n runs its search n times. Skipped otherwise;
// run it under -race, as the test runs.
func TestMeasurePutBurst(t *testing.T) {
	n := catchrate.Runs(t, "PCQ_MEASURE_PUT_BURST")
	var tally catchrate.Tally
	most := 0
	for range n {
		start := time.Now()
		runs, _, caught := putBurstCatch(t, putBurstBudget)
		if !caught {
			tally.Missed()
			continue
		}
		tally.Caught(time.Since(start))
		most = max(most, runs)
	}
	t.Logf("%s; at most %d runs", tally.Report(putBurstBudget), most)
}
