package stress

import (
	"errors"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/stress/sched/instrument"
	"github.com/pcqkit/pcq/stress/testdata/condq"
)

// condWaits are scenarios whose gets and puts wait (~), which the
// scheduler ends by cancelling their contexts: a queue on sync.Cond then
// wakes its waiters through context.AfterFunc.
var condWaits = []string{"c0=get~", "c0=get~,put", "c1=put~.put~,get~.get~", "c0=get~.get~,put~.put~,shutdown", "c0=get~,get~,put.put"}

// TestExploreCond: a correct queue on sync.Cond, woken on cancellation by
// context.AfterFunc, passes PCT and DFS on scenarios that wait (the
// scheduler once never cancelled a goroutine waiting in Cond.Wait, and
// called it deadlocked); the same queue whose puts wake nobody is caught.
func TestExploreCond(t *testing.T) {
	if !instrument.Rerun(t, "github.com/pcqkit/pcq/stress/testdata/condq") {
		return
	}
	strategies := map[string]harness.Option{"pct": harness.WithSeed(1), "dfs": harness.WithStrategy(harness.Exhaustive(2))}
	for name, strategy := range strategies {
		for _, s := range condWaits {
			res, err := ExploreRun(t, condq.New, strategy, harness.WithScenario(s), harness.WithSchedules(500), exploreBudget)
			if err != nil || res.Schedules == 0 {
				t.Fatalf("%s on %s: %v, %v; want it to pass", name, s, res, err)
			}
		}
		_, err := ExploreRun(t, condq.NewSilent, strategy, harness.WithScenario("c0=get~,put"), harness.WithSchedules(500), exploreBudget)
		var f *ExploreFailure
		if !errors.As(err, &f) || f.Check != harness.Liveness {
			t.Fatalf("%s: the queue whose puts wake nobody: %v; want a liveness failure", name, err)
		}
		t.Logf("%s: the silent queue caught: %s", name, f.Explanation)
	}
	res, err := ExploreRun(t, condq.New, harness.WithSeed(1), harness.WithSchedules(300), exploreBudget)
	if err != nil || res.Schedules != 300 {
		t.Fatalf("generated scenarios: %v, %v; want 300 schedules passed", res, err)
	}
	_, err = ExploreRun(t, condq.NewSilent, harness.WithSeed(1), harness.WithSchedules(2000), exploreBudget)
	if !errors.Is(err, harness.ErrFailed) {
		t.Fatalf("the silent queue on generated scenarios: %v; want it caught", err)
	}
}
