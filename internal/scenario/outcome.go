package scenario

import (
	"fmt"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
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
	// Setup is why the queue could not be made (newQueue panicked or
	// returned nil); nothing else of the outcome is set then.
	Setup error
	// Check names the first check that failed; "" when the run passed.
	Check harness.Check
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

	// Goroutines are, under the controlled scheduler, the goroutine
	// number of each client ([RunControlled]), for a trace.
	Goroutines []int

	checked bool // the history was given to the linearizability checker
}

// Passed reports whether every check passed and the history was found
// linearizable. An undecided history does not pass.
func (o Outcome) Passed() bool {
	return o.Setup == nil && o.Check == "" && o.checked && o.Report.Verdict == linearizability.Linearizable
}

// Err returns nil when the run passed; else o.Setup when the queue could
// not be made, or an error naming the failed check and explaining it,
// which matches [harness.ErrFailed].
func (o Outcome) Err() error {
	if o.Passed() {
		return nil
	}
	if o.Setup != nil {
		return o.Setup
	}
	return fmt.Errorf("%w: %s: %s", harness.ErrFailed, o.FailedCheck(), o.Explanation)
}

// FailedCheck returns the check that failed: o.Check, or [harness.Undecided]
// when none did but the history was not found linearizable.
func (o Outcome) FailedCheck() harness.Check {
	if o.Check == "" {
		return harness.Undecided
	}
	return o.Check
}

// fail sets the outcome's failure, keeping the first one.
func (o *Outcome) fail(c harness.Check, format string, args ...any) {
	if o.Check != "" {
		return
	}
	o.Check = c
	o.Explanation = fmt.Sprintf(format, args...)
}
