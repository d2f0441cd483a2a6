package harness

import (
	"errors"
	"fmt"
	"sync"

	"github.com/pcqkit/pcq/internal/goroutines"
)

// An Abandonment is a set of goroutines that a harness gave up on after a
// hang of a queue.
type Abandonment struct {
	Harness Harness // the harness that gave up on them
	Queue   string  // the queue they were calling (its type)
	ids     []int64
	epoch   uint64
}

// abandoned is the process's abandonments whose goroutines may still run.
var abandoned struct {
	sync.Mutex
	list  []Abandonment
	epoch uint64 // abandonments so far
}

// Abandon records that harness h gave up on the goroutines ids, which were
// calling the queue named queue; ids that have ended already are harmless.
func Abandon(h Harness, queue string, ids []int64) {
	if len(ids) == 0 {
		return
	}
	abandoned.Lock()
	defer abandoned.Unlock()
	abandoned.list = append(abandoned.list, Abandonment{Harness: h, Queue: queue, ids: ids, epoch: abandoned.epoch})
	abandoned.epoch++
}

// Epoch returns a mark of the abandonments so far. A harness takes it as
// it starts, so that [Starved] counts only the goroutines abandoned before
// it, not its own.
func Epoch() uint64 {
	abandoned.Lock()
	defer abandoned.Unlock()
	return abandoned.epoch
}

// StillRunning returns how many goroutines abandoned before epoch still
// exist, and the earliest abandonment that they come from (ok false when
// none). Abandonments whose goroutines have all ended are forgotten.
func StillRunning(before uint64) (n int, earliest Abandonment, ok bool) {
	abandoned.Lock()
	defer abandoned.Unlock()
	keep := abandoned.list[:0]
	for _, a := range abandoned.list {
		alive := goroutines.Alive(a.ids)
		if alive == 0 {
			continue
		}
		keep = append(keep, a)
		if a.epoch < before {
			if !ok {
				earliest, ok = a, true
			}
			n += alive
		}
	}
	clear(abandoned.list[len(keep):])
	abandoned.list = keep
	return n, earliest, ok
}

// ErrNoVerdict is matched (errors.Is) by a [*NoVerdictError]: the harness
// gave no verdict on the queue. It is not [ErrFailed].
var ErrNoVerdict = errors.New("harness: not a verdict")

// A NoVerdictError is what a harness returns instead of a failure that
// starvation could explain, while goroutines abandoned by an earlier
// failure in the same process still run: nothing is said of the queue
// under test. It does not match [ErrFailed].
type NoVerdictError struct {
	Harness    Harness     // the harness that gave no verdict
	Goroutines int         // the abandoned goroutines still running
	Earlier    Abandonment // the earliest of the abandonments they come from
	Seen       error       // what the harness saw, which starvation could explain
}

// Error says which goroutines are still running, whose, and what was seen.
func (e *NoVerdictError) Error() string {
	return fmt.Sprintf("%s: not a verdict: %d goroutines abandoned by an earlier failure (of %s, harness %s) are still running; starvation could explain what was seen: %v",
		e.Harness, e.Goroutines, e.Earlier.Queue, e.Earlier.Harness, e.Seen)
}

// Is reports whether target is [ErrNoVerdict].
func (e *NoVerdictError) Is(target error) bool { return target == ErrNoVerdict }

// Starved returns the [*NoVerdictError] of harness h for what it saw
// (seen), when goroutines abandoned before epoch still run; nil when none
// does.
func Starved(h Harness, before uint64, seen error) *NoVerdictError {
	n, earliest, ok := StillRunning(before)
	if !ok {
		return nil
	}
	return &NoVerdictError{Harness: h, Goroutines: n, Earlier: earliest, Seen: seen}
}

// Starvable reports whether starvation could explain a failure of check c:
// a watchdog, or a liveness probe whose calls did not return in time.
func Starvable(c Check) bool { return c == Watchdog || c == Liveness }

// NoVerdict returns err, a failure of harness h, as a [*NoVerdictError]
// when its check is [Starvable] and goroutines abandoned before epoch
// still run; else err unchanged.
func NoVerdict(h Harness, before uint64, err error) error {
	c, ok := FailedCheck(err)
	if !ok || !Starvable(c) {
		return err
	}
	if nv := Starved(h, before, err); nv != nil {
		return nv
	}
	return err
}
