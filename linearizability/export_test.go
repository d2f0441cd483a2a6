package linearizability

import (
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/search"
)

// CheckFast runs the fast checker alone (exported for the external tests
// and benchmarks, which compare the checkers).
func CheckFast(h history.History) (Report, bool) { return checkFast(h) }

// CheckPorcupine runs porcupine alone (exported for the external tests and
// benchmarks, which compare the checkers).
func CheckPorcupine(h history.History, timeout time.Duration) Report {
	return checkPorcupineFor(h, timeout)
}

// checkPorcupineFor runs porcupine with a time limit and the default
// memory budget, for the tests.
func checkPorcupineFor(h history.History, timeout time.Duration) Report {
	return checkPorcupine(h, search.Limits{Timeout: timeout, Memory: DefaultMemoryBudget()})
}
