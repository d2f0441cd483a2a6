package catchrate

import (
	"fmt"
	"io"
	"os"
	"testing"
	"time"
)

// deadlineLead is how long before the test binary's deadline a catch
// still running says what it is.
const deadlineLead = 10 * time.Second

// SaySeedBeforeDeadline arranges for t's name and seed to be written to
// standard error shortly before t's deadline (go test -timeout), for a
// catch whose budget may outlast it: the binary's timeout panic prints no
// test's log, so the seed that replays the catch would be lost with it.
// The returned stop cancels it, reporting whether it had not been written
// yet; without a deadline nothing is arranged.
func SaySeedBeforeDeadline(t *testing.T, seed int64) (stop func() bool) {
	msg := fmt.Sprintf("%s: seed %d: no catch yet, and the test's deadline is near", t.Name(), seed)
	return sayBefore(t, os.Stderr, deadlineLead, msg)
}

// sayBefore writes msg to w lead before t's deadline, unless stopped.
func sayBefore(t interface{ Deadline() (time.Time, bool) }, w io.Writer, lead time.Duration, msg string) func() bool {
	deadline, ok := t.Deadline()
	if !ok {
		return func() bool { return true }
	}
	timer := time.AfterFunc(time.Until(deadline)-lead, func() { fmt.Fprintln(w, msg) })
	return timer.Stop
}
