package linearizability

import (
	"time"

	"github.com/pcqkit/pcq/history"
)

// CheckFast runs the fast checker alone (exported for the external tests
// and benchmarks, which compare the checkers).
func CheckFast(h history.History) (Report, bool) { return checkFast(h) }

// CheckPorcupine runs porcupine alone (exported for the external tests and
// benchmarks, which compare the checkers).
func CheckPorcupine(h history.History, timeout time.Duration) Report {
	return checkPorcupine(h, timeout)
}
