package linearizability

import (
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/fast"
)

// checkFast runs the fast checker (see [Fast]) on h and reports its answer
// with r.Checker "fast". decided is false when it could not decide: the
// verdict is then Unknown and r.Note says why.
func checkFast(h history.History) (r Report, decided bool) {
	start := time.Now()
	res, decided := fast.Check(h)
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
