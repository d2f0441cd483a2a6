package scenario

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/internal/impls"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/stress/sched"
	"github.com/pcqkit/pcq/stress/sched/instrument"
)

// The packages whose atomics and locks the controlled tests schedule.
var controlledPackages = []string{"github.com/pcqkit/pcq/queue", "github.com/pcqkit/pcq/internal/broken"}

// capacities returns the small capacities m takes.
func capacities(m impls.Impl) []int {
	var caps []int
	if m.Unbounded {
		caps = append(caps, 0)
	}
	if m.Bounded {
		caps = append(caps, 1, 2)
	}
	return caps
}

// smallScenario is scenario i of the small ones the controlled tests
// explore: 2-3 clients of 2-5 steps, the full mix, a shutdown in half of
// them, waits that are either already over or ended by the scheduler.
func smallScenario(i int, caps []int) Scenario {
	rng := rand.New(rand.NewPCG(uint64(i), 1))
	c := Config{Clients: 2 + rng.IntN(2), Steps: 2 + rng.IntN(4), Capacity: caps[rng.IntN(len(caps))],
		Mix: Full, Waits: []time.Duration{0, 1, 1}}
	if rng.IntN(2) == 0 {
		c.Shutdown = Any
	}
	s := Generate(rng, c)
	s.Seed = int64(i)
	return s
}

// explorePCT runs up to n PCT schedules (seed 1, depth 3), one small
// scenario each, and returns the first that fails, with its index.
func explorePCT(t *testing.T, newQueue harness.Factory, kind models.Kind, caps []int, n int) (int, Scenario, Outcome, *sched.Result) {
	t.Helper()
	e := sched.PCT(1, 3)
	for i := range n {
		s := smallScenario(i, caps)
		o, res, err := RunControlled(t, newQueue, s, Options{Kind: kind}, Controlled{Strategy: e.Next()})
		if err != nil {
			t.Fatalf("schedule %d: %v", i, err)
		}
		e.Done(res)
		if o.Setup != nil {
			t.Fatalf("schedule %d: %v", i, o.Err())
		}
		if !o.Passed() {
			return i, s, o, res
		}
	}
	return -1, Scenario{}, Outcome{}, nil
}

func TestControlled(t *testing.T) {
	if !instrument.Rerun(t, controlledPackages...) {
		return
	}
	t.Run("correct queues pass", testControlledCorrect)
	t.Run("broken queues caught", testControlledCatches)
	t.Run("replay is exact", testControlledReplay)
	t.Run("one client's program order", testControlledProgramOrder)
}

// testControlledCorrect: 300 PCT schedules of small scenarios and every
// schedule with at most one preemption of a tiny one, on each correct queue.
func testControlledCorrect(t *testing.T) {
	for _, m := range impls.All() {
		caps := capacities(m)
		if i, s, o, res := explorePCT(t, m.New, m.Model, caps, 300); i >= 0 {
			t.Errorf("%s: PCT schedule %d (%s) failed a correct queue: %v\n%v", m.Name, i, res.Schedule, o.Err(), s)
		}
		tiny := Scenario{Capacity: caps[len(caps)-1], Clients: [][]Step{
			{{Op: models.Put, Wait: 1}, {Op: models.TaskDone}},
			{{Op: models.Get, Wait: 1}, {Op: models.Shutdown}},
		}}
		e, runs := sched.DFS(1), 0
		for st := e.Next(); st != nil; st = e.Next() {
			o, res, err := RunControlled(t, m.New, tiny, Options{Kind: m.Model}, Controlled{Strategy: st})
			if err != nil {
				t.Fatalf("%s: DFS schedule %d: %v", m.Name, runs, err)
			}
			e.Done(res)
			runs++
			if !o.Passed() {
				t.Fatalf("%s: DFS schedule %d (%s) failed a correct queue: %v", m.Name, runs, res.Schedule, o.Err())
			}
		}
		if runs < 10 {
			t.Errorf("%s: DFS(1) ran only %d schedules of a 2x2 scenario", m.Name, runs)
		}
		t.Logf("%s: 300 PCT schedules and all %d DFS schedules with <= 1 preemption passed", m.Name, runs)
	}
}

// testControlledCatches: each broken queue fails within its budget of PCT
// schedules. Seed and strategy are fixed, so the catch is deterministic:
// the schedule numbers in the comments are where each one is caught today.
func testControlledCatches(t *testing.T) {
	bugs := map[string]models.Kind{}
	var all []broken.Bug
	for _, b := range broken.All() {
		bugs[b.Name] = models.FIFO
		all = append(all, b)
	}
	for _, b := range broken.Ordered() {
		bugs[b.Name] = b.Kind
		all = append(all, b.Bug)
	}
	for _, b := range all {
		if shape := b.Shape(); shape != "" {
			t.Logf("%s: not expected of small drawn scenarios: it needs the scenario %s (stress's TestExplore asserts it there)", b.Name, shape)
			continue
		}
		caps := []int{1, 2, 3}
		if _, err := harness.Factory(b.New).New(0); err == nil {
			caps = append(caps, 0)
		}
		i, _, o, res := explorePCT(t, b.New, bugs[b.Name], caps, 2000)
		if i < 0 {
			t.Errorf("%s: not caught in 2000 PCT schedules", b.Name)
			continue
		}
		t.Logf("%s: caught at schedule %d (%s): %s", b.Name, i, res.Schedule, o.Check)
	}
}

// testControlledReplay: a failing schedule replayed 100 times gives the
// same history, byte for byte, and the same failure.
func testControlledReplay(t *testing.T) {
	b := broken.All()[1] // get-twice: the failure needs two gets interleaved just so
	i, s, o, res := explorePCT(t, b.New, models.FIFO, []int{1, 2}, 2000)
	if i < 0 {
		t.Fatalf("%s: not caught", b.Name)
	}
	t.Logf("%s: caught at schedule %d (%s), %d steps: %v", b.Name, i, res.Schedule, res.Steps, o.Err())
	want := historyBytes(t, o.History)
	for k := range 100 {
		o2, res2, err := RunControlled(t, b.New, s, Options{}, Controlled{Strategy: sched.Replay(res.Schedule)})
		if err != nil {
			t.Fatalf("replay %d: %v", k, err)
		}
		if got := historyBytes(t, o2.History); !bytes.Equal(got, want) || o2.Check != o.Check || res2.Schedule.String() != res.Schedule.String() {
			t.Fatalf("replay %d of %s differs: check %q (want %q), schedule %s\n%s\nwant\n%s", k, res.Schedule, o2.Check, o.Check, res2.Schedule, got, want)
		}
	}
}

func historyBytes(t *testing.T, h history.History) []byte {
	var buf bytes.Buffer
	if err := history.Write(&buf, h); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
