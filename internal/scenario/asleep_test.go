package scenario

import (
	"strings"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/stress/sched"
)

// lostWakeup returns the broken queue whose put wakes a getter only when
// the queue was empty.
func lostWakeup(t *testing.T) harness.Factory {
	for _, b := range broken.All() {
		if b.Name == "lost-wakeup" {
			return b.New
		}
	}
	t.Fatal("no broken queue lost-wakeup")
	return nil
}

// dfsScenario runs every schedule of s with at most one preemption and
// returns the outcome of the first that fails, with how many ran.
func dfsScenario(t *testing.T, newQueue harness.Factory, s Scenario) (runs int, failed *Outcome) {
	t.Helper()
	e := sched.DFS(1)
	for st := e.Next(); st != nil; st = e.Next() {
		o, res, err := RunControlled(t, newQueue, s, Options{SkipProbes: true}, Controlled{Strategy: st})
		if err != nil {
			t.Fatalf("DFS schedule %d: %v", runs, err)
		}
		e.Done(res)
		runs++
		if !o.Passed() {
			return runs, &o
		}
	}
	return runs, nil
}

// TestAsleepWithWorkIsALostWakeup: two getters asleep, then two puts; the
// lost-wakeup queue wakes one of them. The other's canceller would end its
// get, and the queue would then hand it the item (a legal history): the
// lost wake-up only shows because the canceller holds back while every
// client is asleep or finished and an item waits. The probes are skipped,
// so that the clients alone must show it. The correct queue passes every
// schedule of the same scenario.
func TestAsleepWithWorkIsALostWakeup(t *testing.T) {
	s, err := ParseText("c0=get~,get~,put.put")
	if err != nil {
		t.Fatal(err)
	}
	runs, o := dfsScenario(t, lostWakeup(t), s)
	if o == nil {
		t.Fatalf("lost-wakeup passed all %d DFS(1) schedules of %s", runs, s.Text())
	}
	if o.Check != harness.Liveness || !strings.Contains(o.Err().Error(), "asleep in get while the queue holds 1 item") {
		t.Fatalf("lost-wakeup failed %q, want liveness with the getter asleep: %v", o.Check, o.Err())
	}
	t.Logf("caught at DFS schedule %d: %v", runs, o.Err())
	if runs, o := dfsScenario(t, broken.NewCorrect, s); o != nil {
		t.Fatalf("the correct queue failed DFS schedule %d: %v", runs, o.Err())
	}
}

// TestAsleepCountsCallsInProgress: a put of the transfer queue waits after
// it has inserted; with capacity 1, a second put then waits on a full
// queue although no put has returned. Counting only the calls that
// returned called that a lost wake-up (found in review); every DFS(1)
// schedule passes.
func TestAsleepCountsCallsInProgress(t *testing.T) {
	s, err := ParseText("c1=put~,put~")
	if err != nil {
		t.Fatal(err)
	}
	runs, o := dfsScenario(t, newTransferQueue, s)
	if o != nil {
		t.Fatalf("the transfer queue failed DFS schedule %d: %v", runs, o.Err())
	}
	if runs < 2 {
		t.Fatalf("DFS(1) ran %d schedules of %s", runs, s.Text())
	}
}

// TestHeldBackReasonIsCurrent: a canceller that held back once and then
// let its call go says nothing in a later failure's report. The polling
// queue's get is held back (an item waits, every client asleep) until its
// timer wakes it; the run then fails in the drain (TryGet never returns:
// a deadlock), and the report must not blame a lost wake-up (found in
// review).
func TestHeldBackReasonIsCurrent(t *testing.T) {
	s, err := ParseText("c0=get~,put")
	if err != nil {
		t.Fatal(err)
	}
	o, _, err := RunControlled(t, newPollingQueue, s, Options{SkipProbes: true}, Controlled{Strategy: sched.DFS(0).Next()})
	if err != nil {
		t.Fatal(err)
	}
	if o.Passed() {
		t.Fatal("the polling queue passed; want the drain's deadlock")
	}
	if strings.Contains(o.Err().Error(), "is asleep in") {
		t.Fatalf("the polling queue: %v; want the drain's deadlock, and no word of a call asleep", o.Err())
	}
}
