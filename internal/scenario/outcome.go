package scenario

import (
	"errors"
	"fmt"
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
)

// Failure names the check that failed; "" means none did.
type Failure string

// The checks of [Run], in the order they are reported.
const (
	Setup           Failure = "setup"           // newQueue panicked or built a queue of another capacity
	Watchdog        Failure = "watchdog"        // the run did not finish in time (a hang)
	Contract        Failure = "contract"        // an error the queue's contract does not allow
	Conservation    Failure = "conservation"    // an item lost, duplicated, or from nowhere
	Order           Failure = "order"           // a producer's items out of order (FIFO)
	Tasks           Failure = "tasks"           // TaskDone or Join disagree with the items got
	Liveness        Failure = "liveness"        // a blocked call not woken by a put or a shutdown
	ShutdownState   Failure = "shutdown"        // a shut-down queue answering other than ErrShutDown
	Recording       Failure = "recording"       // the history is not valid (a recorder bug)
	Linearizability Failure = "linearizability" // no order of the operations explains their results
	Undecided       Failure = "unknown"         // the checker could not decide (never a pass)
)

// Stats counts what a run did.
type Stats struct {
	Ops       int           // operations recorded, the final drain included
	PutsOK    int           // puts and try_puts that succeeded
	GetsOK    int           // gets and try_gets that succeeded, the drain included
	Drained   int           // items the final drain got
	Discarded int           // items put but never got: discarded by an immediate shutdown
	Canceled  int           // blocking calls whose deadline ended them
	Skipped   int           // task_done steps skipped (the client had no item to mark)
	Elapsed   time.Duration // the whole run, checks included
}

// Outcome is what [Run] found.
type Outcome struct {
	Seed     int64 // the scenario's seed
	Capacity int   // the scenario's capacity
	// Failure names the first check that failed; "" when the run passed.
	Failure Failure
	// Explanation says in words what failed, naming the operations.
	Explanation string
	// Report is the linearizability checker's report. When a cheap check
	// of the history failed first (conservation, order), it is that
	// check's: Verdict Violation, Checker "conservation", and the
	// operations that show it in Culprits (for the visualisation). It is
	// zero when the history was not checked for another reason.
	Report linearizability.Report
	// History is the recorded history (empty after a watchdog failure
	// whose goroutines did not stop).
	History history.History
	// Unsupported counts operations that returned errors.ErrUnsupported
	// (or a negative Len): not exercised, so the verdict says nothing of
	// them.
	Unsupported map[models.Op]int
	// NotProbed lists the final probes that could not run, and why.
	NotProbed []string
	// Dump is the goroutine dump of a watchdog failure.
	Dump string
	// Stats counts what the run did.
	Stats Stats
	// Relaxations are the relaxations the run was checked under
	// (Options.Relaxations); nil: the strict model.
	Relaxations []linearizability.Relaxation
	// Drops is, under Lossy, the number of values put and never got, as
	// the linearizability check counted them.
	Drops int

	checked bool // the history was given to the linearizability checker
}

// Passed reports whether every check passed and the history was found
// linearizable. An undecided history does not pass.
func (o Outcome) Passed() bool {
	return o.Failure == "" && o.checked && o.Report.Verdict == linearizability.Linearizable
}

// ErrFailed is matched (errors.Is) by every error of [Outcome.Err].
var ErrFailed = errors.New("scenario: check failed")

// Err returns nil when the run passed, else an error naming the failed
// check and explaining it; it matches [ErrFailed].
func (o Outcome) Err() error {
	if o.Passed() {
		return nil
	}
	f := o.Failure
	if f == "" {
		f = Undecided
	}
	return fmt.Errorf("%w: %s: %s", ErrFailed, f, o.Explanation)
}

// fail sets the outcome's failure, keeping the first one.
func (o *Outcome) fail(f Failure, format string, args ...any) {
	if o.Failure != "" {
		return
	}
	o.Failure = f
	o.Explanation = fmt.Sprintf(format, args...)
}
