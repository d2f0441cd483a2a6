package scenario

import (
	"sync/atomic"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
	"github.com/pcqkit/pcq/stress/sched"
)

// firstGetEmpty is a queue whose first TryGet ever answers empty, whatever
// it holds: wrong only after a put of the same client, since any other
// client's put may still be pending.
type firstGetEmpty struct {
	queue.Queue[int]
	answered atomic.Bool
}

// TryGet answers empty the first time, then gets.
func (q *firstGetEmpty) TryGet() (int, error) {
	if !q.answered.Swap(true) {
		return 0, queue.ErrEmpty
	}
	return q.Queue.TryGet()
}

// testControlledProgramOrder: a client's try_put then try_get that answers
// empty fails linearizability in every schedule: the history's times keep
// one client's operations in the order it ran them, even when both ran
// within one step of the scheduler (the wrapper is not instrumented: its
// first TryGet takes no step at all).
func testControlledProgramOrder(t *testing.T) {
	s, err := ParseText("c1=try_put.try_get")
	if err != nil {
		t.Fatal(err)
	}
	newQueue := func(c int) queue.Queue[int] { return &firstGetEmpty{Queue: queue.NewLocked[int](c)} }
	e := sched.DFS(1)
	n := 0
	for st := e.Next(); st != nil && n < 100; st, n = e.Next(), n+1 {
		o, res, err := RunControlled(t, newQueue, s, Options{Kind: models.FIFO}, Controlled{Strategy: st})
		if err != nil {
			t.Fatalf("schedule %d: %v", n, err)
		}
		e.Done(res)
		if o.FailedCheck() != harness.Linearizability {
			t.Fatalf("schedule %d: %v; want the linearizability check failed: %+v", n, o.Err(), o.History.Operations)
		}
	}
	if n == 0 {
		t.Fatal("no schedule explored")
	}
}
