package scenario

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/pcqkit/pcq/stress/sched"
)

// withWait returns the context of a blocking call that may wait d.
//
// In real time it has a deadline d after now. Under the controlled
// scheduler time stands still, so a wait is a decision instead: d == 0
// gives a context already done, and any other d a context that a canceller
// goroutine may cancel at any step at which the calling goroutine is
// blocked, so that every race of a cancellation against a wake-up is the
// scheduler's to explore. It is never cancelled while the caller runs: the
// caller's select would then find two cases ready, and the runtime, not the
// scheduler, would choose. Nor while asleep, if not nil, says why the call
// is asleep with work waiting (see asleep.go).
func (ex *exec) withWait(ctx context.Context, d time.Duration, asleep func() string) (context.Context, context.CancelFunc) {
	if !ex.controlled {
		return context.WithTimeout(ctx, d)
	}
	wctx, cancel := context.WithCancel(ctx)
	if d <= 0 {
		cancel()
		return wctx, cancel
	}
	caller := sched.Self()
	held := ex.cancellers.slot()
	var over atomic.Bool // the call has returned
	sched.GoWatcher(func() {
		stored := "" // the reason held has, for the report only: it decides nothing
		sched.Await("cancel", nil, func() bool {
			ready, why := mayCancel(over.Load(), caller, asleep)
			if why != stored { // a store a change, not one a step
				stored = why
				held.Store(&why) // why is this evaluation's own variable
			}
			return ready
		})
		cancel()
	})
	return wctx, func() { over.Store(true); cancel() }
}

// mayCancel reports whether a canceller may cancel the call of caller now
// (over: the call has returned), and if it may not because the call is
// asleep with work waiting, why (see withWait).
func mayCancel(over bool, caller *sched.G, asleep func() string) (ready bool, why string) {
	switch {
	case over:
		return true, ""
	case !caller.Blocked():
		return false, ""
	case asleep != nil:
		why = asleep()
	}
	return why == "", why
}

// settle lets the goroutines of a probe block before the probe acts. In
// real time it sleeps probeSettle (a getter not yet blocked then finds the
// item, or the shutdown, at once: harmless). Under the controlled scheduler
// it waits until each of them is blocked or finished: exact.
func (ex *exec) settle(calls []*probeCall) {
	if !ex.controlled {
		time.Sleep(probeSettle)
		return
	}
	sched.Await("settle", nil, func() bool {
		for _, c := range calls {
			g := c.g.Load()
			if g == nil || !(g.Blocked() || g.Finished()) {
				return false
			}
		}
		return true
	})
}
