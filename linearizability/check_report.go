package linearizability

import (
	"fmt"
	"strings"
	"time"
)

// String describes the report in one line, for example
// "violation (porcupine, 1200 ops, 3.2ms): no order of these 3 operations
// explains their results"; under a relaxation the verdict names it
// ([Report.VerdictText]). Only the first line of the explanation is
// kept; the note, if any, follows it in brackets.
func (r Report) String() string {
	checker := r.Checker
	if checker == "" {
		checker = "no checker"
	}
	s := fmt.Sprintf("%s (%s, %d ops, %v)", r.VerdictText(), checker, r.Operations, roundDuration(r.Elapsed))
	if r.Explanation != "" {
		first, _, _ := strings.Cut(r.Explanation, "\n")
		s += ": " + strings.TrimSuffix(first, ":")
	}
	if r.Note != "" {
		s += " [" + r.Note + "]"
	}
	return s
}

// roundDuration keeps two or three significant digits: 3.2ms, 41µs, 1.52s.
func roundDuration(d time.Duration) time.Duration {
	for _, unit := range []time.Duration{time.Second, time.Millisecond, time.Microsecond} {
		if d >= unit {
			return d.Round(unit / 100)
		}
	}
	return d
}
