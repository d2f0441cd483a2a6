package verdicts

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/stress"
	"github.com/pcqkit/pcq/stress/sched/instrument"
	"github.com/pcqkit/pcq/tools/thirdparty/adapters"
	"github.com/pcqkit/pcq/tools/thirdparty/explore"
)

// knownBugs are the libraries with a bug the other harnesses found
// (README.md, testdata/verdicts.md): the controlled scheduler must catch
// each.
var knownBugs = map[string]bool{
	"workiva-ring":            true,
	"goconcurrentqueue-fifo":  true,
	"goconcurrentqueue-fixed": true,
	"hedzr-ringbuf-mpmc":      true,
	"adrianbrad-circular":     true,
}

// newFindings are what the controlled scheduler found that the other
// harnesses had not (README.md, findings 8 and 9): the diode's TryNext
// answers empty while a later slot holds an item (a writer that took the
// earlier slot has not stored yet: a spurious try failure, which Lossy
// does not cover), and lockfree's Length wraps below zero (a Dequeue
// decrements the count before the matching Enqueue increments it).
var newFindings = map[string]bool{
	"diodes-manytoone":       true,
	"golang-design-lockfree": true,
}

// TestExplore runs every adapted library under the controlled scheduler
// (package explore; here, not in explore's package, so that it never runs
// beside TestVerdicts, whose stress rounds time real probes),
// instrumented, unchanged (one child go test for them all): each known bug
// and new finding is caught, with a token that replays the failure 5 of 5
// times and a trace that names the library's own file:line; every other
// library passes the PCT budget and the exhaustive pass (the not
// thread-safe one is not run). Channel operations are scheduling points
// (instrument.Options.Channels): goconcurrentqueue's FixedFIFO locks with
// a channel. With PCQ_EXPLORE_OUT set, the outcomes are written there.
func TestExplore(t *testing.T) {
	if os.Getenv(stress.ReplayEnv) != "" {
		t.Skipf("%s is set: TestReplayLibrary replays it", stress.ReplayEnv)
	}
	libs := adapters.All()
	if !instrument.RerunWith(t, instrument.Options{Channels: true}, explore.Packages(libs)...) {
		return
	}
	budget := explore.DefaultBudget
	if raceEnabled { // 5 times slower: a smaller exhaustive pass, still past the first catches
		budget.PCT, budget.Exhaustive = 1200, 500
	}
	var outcomes []explore.Outcome
	for _, l := range libs {
		b := budget
		if knownBugs[l.Name] || newFindings[l.Name] {
			b.Time = 10 * time.Minute // the catch is asserted within the schedule budget, whatever the load
		}
		o, err := explore.Run(t, l, b)
		if err != nil {
			t.Fatalf("%s: %v", l.Name, err)
		}
		outcomes = append(outcomes, o)
		t.Logf("%s: %s (%v)", l.Name, o.Cell(), o.Elapsed)
		checkExplored(t, l, o)
	}
	if path := os.Getenv(explore.OutEnv); path != "" {
		if err := explore.WriteOutcomes(path, outcomes); err != nil {
			t.Fatal(err)
		}
	}
}

// checkExplored asserts what is known of l under the controlled scheduler.
func checkExplored(t *testing.T, l adapters.Library, o explore.Outcome) {
	t.Helper()
	switch {
	case l.NotThreadSafe:
		if o.Status != explore.NotRun {
			t.Errorf("%s: %s; a not thread-safe library is not run", l.Name, o.Cell())
		}
	case knownBugs[l.Name] || newFindings[l.Name]:
		if o.Status != explore.Caught {
			t.Errorf("%s: known bug not caught: %s", l.Name, o.Cell())
			return
		}
		if o.Reproduced != o.Replays || o.Replays < 5 {
			t.Errorf("%s: the token replayed the failure %d of %d times:\n%s", l.Name, o.Reproduced, o.Replays, o.Report)
		}
		if o.Where == "" || !strings.Contains(o.Report, o.Where) {
			t.Errorf("%s: the trace names no line of the library %v:\n%s", l.Name, l.Packages, o.Report)
		}
	default:
		if o.Status != explore.Passed {
			t.Errorf("%s: %s\n%s", l.Name, o.Cell(), o.Report)
		}
	}
}

// TestReplayLibrary replays one failure of the verdict table, exactly:
//
//	PCQ_EXPLORE_LIBRARY=workiva-ring PCQ_EXPLORE_REPLAY='x1/...' go test -run '^TestReplayLibrary$' ./verdicts
//
// It fails with the failure's report, trace included (or passes if the
// schedule no longer fails).
func TestReplayLibrary(t *testing.T) {
	name, token := os.Getenv(explore.LibraryEnv), os.Getenv(stress.ReplayEnv)
	if name == "" || token == "" {
		t.Skipf("set %s and %s to replay a failure", explore.LibraryEnv, stress.ReplayEnv)
	}
	l, ok := adapters.Lookup(name)
	if !ok {
		t.Fatalf("no library %q", name)
	}
	if !instrument.RerunWith(t, instrument.Options{Channels: true}, explore.Packages([]adapters.Library{l})...) {
		return
	}
	if err := explore.Replay(t, l, token); err != nil {
		t.Fatal(err)
	}
}
