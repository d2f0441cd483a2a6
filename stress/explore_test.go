package stress

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/internal/impls"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/stress/sched/instrument"
)

// exploreBudget is the time the tests below give an exploration: their
// budget is a number of schedules, which a loaded machine (-race, load
// 20 on 2 cores: a tenth of the usual schedules a second) can take more
// than Explore's default 10s to run; only a miss waits it out.
var exploreBudget = harness.WithDuration(10 * time.Minute)

// TestExplore runs the controlled scheduler's harness on the kit's queues
// and on the broken ones, instrumented (one child go test for them all).
func TestExplore(t *testing.T) {
	if !instrument.Rerun(t, "github.com/pcqkit/pcq/queue", "github.com/pcqkit/pcq/internal/broken") {
		return
	}
	t.Run("correct queues pass", testExploreCorrect)
	t.Run("exhaustive", testExploreExhaustive)
	t.Run("broken queues caught and replayed", testExploreCatches)
	t.Run("bad replay token", testExploreBadReplay)
	t.Run("one scenario", testExploreScenario)
}

func testExploreCorrect(t *testing.T) {
	for _, m := range impls.All() {
		res, err := ExploreRun(t, m.New, harness.WithModel(m.Model), harness.WithSeed(1), harness.WithSchedules(300), exploreBudget)
		if err != nil {
			t.Fatalf("%s: %v", m.Name, err)
		}
		if res.Schedules != 300 || res.Distinct < 250 {
			t.Fatalf("%s: %s; want 300 schedules, nearly all distinct", m.Name, res)
		}
		t.Logf("%s: %s", m.Name, res)
	}
}

func testExploreExhaustive(t *testing.T) {
	ring := impls.All()[2]
	res, err := ExploreRun(t, ring.New, harness.WithStrategy(harness.Exhaustive(1)), harness.WithSeed(3),
		harness.WithGoroutines(2), harness.WithOpsPerGoroutine(2), harness.WithCapacities(1), harness.WithSchedules(3000), exploreBudget)
	if err != nil {
		t.Fatal(err)
	}
	if res.Complete < 1 || res.Schedules < 20 {
		t.Fatalf("%s; want at least one scenario explored completely", res)
	}
	if want := fmt.Sprintf("%d scenario(s) explored completely, %d cut short", res.Complete, res.Incomplete); res.Incomplete > 0 && !strings.Contains(res.String(), want) {
		t.Fatalf("an exhaustive pass cut short by the budget must say so (%q): %s", want, res)
	}
	t.Log(res)
}

// testExploreCatches: every broken queue fails within 2000 PCT schedules
// (seed 1; deterministic: the schedule numbers are logged), with a report
// whose replay token gives the same failure, 5 of 5 times. A bug that
// needs a scenario drawn ones seldom are (broken.Bug.Shape) is explored on
// that scenario, exhaustively with one preemption: PCT does not find it on
// drawn scenarios (fill-wakes-one: none in 20,000 schedules, seeds 1 to 6).
func testExploreCatches(t *testing.T) {
	type bug struct {
		broken.Bug
		model models.Kind
	}
	var bugs []bug
	for _, b := range broken.All() {
		bugs = append(bugs, bug{b, models.FIFO})
	}
	for _, b := range broken.Ordered() {
		bugs = append(bugs, bug{b.Bug, b.Kind})
	}
	for _, b := range bugs {
		opts := []harness.Option{harness.WithModel(b.model), harness.WithSeed(1), harness.WithSchedules(2000), exploreBudget}
		if shape := b.Shape(); shape != "" {
			opts = append(opts, harness.WithScenario(shape), harness.WithStrategy(harness.Exhaustive(1)), harness.WithSchedules(5000))
		}
		_, err := ExploreRun(t, b.New, opts...)
		var f *ExploreFailure
		if !errors.As(err, &f) || !errors.Is(err, harness.ErrFailed) {
			t.Errorf("%s: not caught: %v", b.Name, err)
			continue
		}
		if !strings.Contains(f.Trace, "step ") || !strings.Contains(f.Replay, ReplayEnv) {
			t.Errorf("%s: the report lacks a trace or a replay command:\n%v", b.Name, f)
		}
		for range 5 {
			_, rerr := ExploreRun(t, b.New, append(opts, harness.WithReplay(f.Token))...)
			var g *ExploreFailure
			if !errors.As(rerr, &g) || g.Check != f.Check || g.Explanation != f.Explanation {
				t.Fatalf("%s: replaying %s gave %v, want the %s failure:\n%s", b.Name, f.Token, rerr, f.Check, f.Explanation)
			}
		}
		t.Logf("%s: caught at schedule %d: %s", b.Name, f.Schedule, f.Check)
	}
}

func testExploreBadReplay(t *testing.T) {
	locked := impls.All()[0]
	for _, token := range []string{"x2/c1=put/s1:0:", "x1/c1=fly/s1:0:", "x1/c1=put/s1:00000000:0*5"} {
		_, err := ExploreRun(t, locked.New, harness.WithReplay(token))
		var se *harness.SetupError
		if !errors.As(err, &se) {
			t.Errorf("replay %q: %v, want a setup error", token, err)
		}
	}
}

// testExploreScenario: WithScenario explores the one scenario given. With
// DFS(1) it finds the lost wake-up of lost-wakeup on the scenario that
// shows it, covers every schedule of a small scenario of the Ring and
// stops there, and refuses a scenario it cannot read.
func testExploreScenario(t *testing.T) {
	dfs := harness.WithStrategy(harness.Exhaustive(1))
	lost := brokenBug(t, "lost-wakeup")
	_, err := ExploreRun(t, lost.New, harness.WithScenario("c0=get~,get~,put.put"), dfs, harness.WithSchedules(5000), exploreBudget)
	var f *ExploreFailure
	if !errors.As(err, &f) || f.Check != harness.Liveness || !strings.Contains(f.Error(), "c0=get~,get~,put.put") {
		t.Fatalf("lost-wakeup on its scenario: %v; want a liveness failure on that scenario", err)
	}
	ring := impls.All()[2]
	res, err := ExploreRun(t, ring.New, harness.WithScenario("c1=put~,get~"), dfs, harness.WithSchedules(5000), exploreBudget)
	if err != nil || res.Scenarios != 1 || res.Complete != 1 {
		t.Fatalf("%s on one scenario: %v, %v; want it searched completely, once", ring.Name, res, err)
	}
	_, err = ExploreRun(t, ring.New, harness.WithScenario("c2=put,bogus"))
	var se *harness.SetupError
	if !errors.As(err, &se) || !strings.Contains(err.Error(), "WithScenario") {
		t.Fatalf("a bad scenario: %v, want a setup error naming WithScenario", err)
	}
}

// brokenBug returns the broken queue named name.
func brokenBug(t *testing.T, name string) broken.Bug {
	for _, b := range broken.All() {
		if b.Name == name {
			return b
		}
	}
	t.Fatalf("no broken queue %s", name)
	return broken.Bug{}
}
