package sched

import (
	"fmt"
	"os"
	"sync/atomic"
	"time"

	"github.com/pcqkit/pcq/internal/goroutines"
)

// StallLimit is how long a run may go without a single step before [Test]
// gives up on it: some goroutine runs without reaching a scheduling point
// (a loop on a plain variable, a call into code that was not instrumented),
// and the scheduler cannot stop it. Go cannot kill a goroutine, so rather
// than hang, Test then prints every goroutine's stack and panics.
var StallLimit = time.Minute

// allSteps counts the steps of every run of the process. It is a count,
// not a time: inside a bubble, time is the bubble's fake clock.
var allSteps atomic.Int64

// stepped notes that a run took a step.
func stepped() { allSteps.Add(1) }

// watch starts the watchdog of one Test, outside its bubble (where time is
// real): it looks at the step count every second. stop ends it.
func watch() (stop func()) {
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		seen, since := allSteps.Load(), time.Now()
		for {
			select {
			case <-done:
				return
			case now := <-tick.C:
				if n := allSteps.Load(); n != seen {
					seen, since = n, now
				} else if idle := now.Sub(since); idle > StallLimit {
					stall(idle)
				}
			}
		}
	}()
	return func() { close(done) }
}

// stall reports a run stuck outside the scheduler's control and panics.
func stall(idle time.Duration) {
	buf := goroutines.Dump()
	fmt.Fprintf(os.Stderr, "sched: no step for %v: a goroutine runs without reaching a scheduling point (a loop on a plain variable, or code that is not instrumented); every goroutine:\n%s\n", idle.Round(time.Second), buf)
	panic(fmt.Sprintf("sched: no step for %v: see the goroutines above", idle.Round(time.Second)))
}
