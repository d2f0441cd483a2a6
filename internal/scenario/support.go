package scenario

import (
	"context"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// supportOf says, for each operation that the recorded run called, whether
// the queue has it: false when a call returned errors.ErrUnsupported (or,
// for Len, a negative length), true when one is in the history. An
// operation the run never called is missing: the probes ask the queue (see
// exec.has).
func supportOf(h history.History, unsupported map[models.Op]int) map[models.Op]bool {
	s := make(map[models.Op]bool)
	for _, op := range h.Operations {
		s[op.Input.Op] = true
	}
	for op, n := range unsupported {
		if n > 0 {
			s[op] = false
		}
	}
	return s
}

// has reports whether the queue has op, a blocking Get or Put, which the
// wake-up and shutdown probes need. The recorded run tells when a client
// called it; otherwise one call with a done context asks the drained,
// empty queue, where a correct queue's Get answers ctx.Err() at once and
// its Put succeeds at once (that item is then taken back). An item that
// Get finds, or that is not there to take back, fails the conservation
// check. The answer is kept for the later probes.
func (ex *exec) has(ctx context.Context, op models.Op) bool {
	if known, ok := ex.support[op]; ok {
		return known
	}
	done, cancel := context.WithCancel(ctx)
	cancel()
	var err error
	switch op {
	case models.Get:
		var v int
		if v, err = ex.q.Get(done); err == nil {
			ex.probeFail(harness.Conservation, "Get with a done context (asking whether the queue has Get) got %d from the drained queue", v)
		}
	case models.Put:
		const probeValue = -900
		if err = ex.q.Put(done, probeValue); err == nil {
			ex.takeBack(ctx, probeValue)
		}
	}
	if ex.support == nil {
		ex.support = make(map[models.Op]bool)
	}
	ex.support[op] = !unsupported(err)
	return ex.support[op]
}

// takeBack gets the item v that has put into the drained queue, with
// TryGet or, where that is unsupported, with Get and the run's context ctx,
// not a done one: with an item queued and ctx done, a correct Get may
// answer either (a select over both picks at random). A queue that lost
// the item leaves that Get asleep: a hang, reported as one.
func (ex *exec) takeBack(ctx context.Context, v int) {
	var got int
	err := ex.retryTry(func() (err error) { got, err = ex.q.TryGet(); return err })
	if unsupported(err) {
		got, err = ex.q.Get(ctx)
	}
	if err != nil || got != v {
		ex.probeFail(harness.Conservation, "Put of %d with a done context into the drained queue (asking whether the queue has Put) succeeded, then a get returned %d, %v", v, got, err)
	}
}
