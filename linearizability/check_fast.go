package linearizability

import (
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/fast"
	"github.com/pcqkit/pcq/linearizability/internal/lifo"
	"github.com/pcqkit/pcq/linearizability/internal/prio"
	"github.com/pcqkit/pcq/models"
)

// checkFast runs the fast checker (see [Fast]) on h: its stack checker on
// a LIFO history, its priority checker on a priority history, and reports
// its answer with r.Checker "fast". decided is false when it could not
// decide: the verdict is then Unknown and r.Note says why.
func checkFast(h history.History) (r Report, decided bool) {
	start := time.Now()
	check := fast.Check
	switch h.Kind {
	case models.LIFO:
		check = lifo.Check
	case models.Priority:
		check = prio.Check
	}
	res, decided := check(h)
	r = Report{Checker: "fast", Operations: len(h.Operations),
		Culprits: res.Culprits, Explanation: res.Explanation, Note: res.Note}
	switch {
	case !decided:
		r.Verdict = Unknown
	case res.Violation:
		r.Verdict = Violation
	default:
		r.Verdict = Linearizable
	}
	r.Elapsed = time.Since(start)
	return r, decided
}
