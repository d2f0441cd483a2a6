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

// putBurstRuns bounds TestPutBurstCatchesLostSlots: the runs its search
// may make. Measured (PCQ_MEASURE_PUT_BURST=100 go test -race -run
// TestMeasurePutBurst ./internal/scenario, at nice 10 on the 2-core
// machine beside three flake gates, so seldom running on both cores at
// once): no miss in 100 searches; a catch took 17 runs at most, 0.54 s
// (median) and 8.6 s (slowest). The budget is 100 times the most runs or
// more; a run takes 0.1 to 0.5 s, and a catch stops the search, so only
// a miss takes long.
const putBurstRuns = 2000

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
// put, one get) on the lost ring until its put burst probe fails, at most
// maxRuns times; it returns the runs it made and the last outcome.
func putBurstCatch(t testing.TB, maxRuns int) (int, Outcome, bool) {
	b := lostRing(t)
	s := Scenario{Capacity: 64, Clients: [][]Step{{{Op: models.TryPut}, {Op: models.TryGet}}}}
	for runs := 1; ; runs++ {
		o := Run(context.Background(), b.New, s, Options{ProbeWait: 100 * time.Millisecond})
		if !o.Passed() || runs == maxRuns {
			return runs, o, !o.Passed()
		}
	}
}

func TestPutBurstCatchesLostSlots(t *testing.T) {
	// Overlapping puts need two Ps: at GOMAXPROCS=1 the two atomic
	// operations of the window never interleave (no preemption point
	// between them), so the race is serialised away.
	defer catchrate.AtLeastTwoPs()()
	runs, o, caught := putBurstCatch(t, putBurstRuns)
	if !caught {
		t.Fatalf("%d runs passed the lost ring", runs)
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
	defer catchrate.AtLeastTwoPs()()
	var runs catchrate.Trials
	var times catchrate.Tally
	for range n {
		start := time.Now()
		k, _, caught := putBurstCatch(t, putBurstRuns)
		if !caught {
			runs.Missed()
			times.Missed()
			continue
		}
		runs.Caught(k)
		times.Caught(time.Since(start))
	}
	t.Logf("%s; %s", runs.ReportRuns(putBurstRuns), times.Report(0))
}
