// Package catchrate measures how reliably a test catches a bug by chance:
// the tests that assert such a catch state, in a comment, the numbers that
// a measurement built on it gives, and a TestMeasure... beside each runs
// it again when its environment variable asks for runs.
package catchrate

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"
)

// Runs returns the number of runs that the environment variable env asks
// for, and skips t when it does not ask for any.
func Runs(t testing.TB, env string) int {
	t.Helper()
	n, err := strconv.Atoi(os.Getenv(env))
	if err != nil || n < 1 {
		t.Skipf("a measurement: %s=<runs> to run it", env)
	}
	return n
}

// Tally counts the runs of a catch: how long each catch took, and the
// misses.
type Tally struct {
	times  []time.Duration
	misses int
}

// Caught records a run that caught the bug after d.
func (t *Tally) Caught(d time.Duration) { t.times = append(t.times, d) }

// Missed records a run that did not catch it.
func (t *Tally) Missed() { t.misses++ }

// Report says the misses, the median and the slowest catch, and the
// margin: budget over the slowest catch (none when budget is 0: a catch
// bounded otherwise than by time).
func (t *Tally) Report(budget time.Duration) string {
	times := slices.Sorted(slices.Values(t.times))
	var median, slowest time.Duration
	if len(times) > 0 {
		median, slowest = times[len(times)/2], times[len(times)-1]
	}
	r := fmt.Sprintf("%d misses in %d runs; catch median %v, slowest %v",
		t.misses, t.misses+len(times), short(median), short(slowest))
	if budget > 0 {
		r += fmt.Sprintf(": margin %.0fx against a %v budget", float64(budget)/float64(max(slowest, 1)), budget)
	}
	return r
}

// short rounds d to the microsecond, unless it is shorter (a count of
// inputs, say, measured in nanoseconds).
func short(d time.Duration) time.Duration {
	if d < time.Microsecond {
		return d
	}
	return d.Round(time.Microsecond)
}
