package linearizability

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/pcqkit/pcq/history"
)

// WithRelaxations checks the history under the relaxations rs instead of
// the strict model: [Check] relaxes it ([Relax]), runs the strict checker
// on the result, and names the relaxations in the report
// (Report.Relaxations, [Report.VerdictText]). Culprits and explanations
// refer to the original history. An unknown relaxation makes [Check]
// answer Unknown, saying so.
func WithRelaxations(rs ...Relaxation) Option {
	return func(o *options) { o.relax = append(o.relax, rs...) }
}

// checkRelaxed checks h under o.relax.
func checkRelaxed(h history.History, o options) Report {
	rs := normalizeRelaxations(o.relax)
	for _, r := range rs {
		if !r.valid() {
			return Report{Verdict: Unknown, Operations: len(h.Operations), Relaxations: rs,
				Explanation: fmt.Sprintf("linearizability: unknown relaxation %v", r)}
		}
	}
	rh, st := Relax(h, rs...)
	r := checkStrict(rh, o)
	r.Operations = len(h.Operations)
	r.Relaxations, r.Drops = rs, st.Drops
	for i, c := range r.Culprits {
		r.Culprits[i] = st.Kept[c]
	}
	r.Explanation = renumber(r.Explanation, st.Kept)
	r.Note = renumber(r.Note, st.Kept)
	if r.Verdict == Violation && st.Ambiguous > 0 {
		r.Verdict = Unknown
		r.Explanation = fmt.Sprintf("under lossy, %d values were put more times than got and their dropped puts cannot be told apart; "+
			"the strict check of the rest found: %s", st.Ambiguous, r.Explanation)
	}
	r.Note = joinNote(relaxNote(st), r.Note)
	return r
}

// relaxNote says what Relax removed.
func relaxNote(st RelaxStats) string {
	var parts []string
	if st.SpuriousFailures > 0 {
		parts = append(parts, fmt.Sprintf("%d try-failures not checked", st.SpuriousFailures))
	}
	if st.Drops > 0 {
		parts = append(parts, fmt.Sprintf("%d puts of values never got not checked", st.Drops))
	}
	if st.Unchecked > 0 {
		parts = append(parts, fmt.Sprintf("%d try_put full, len, task_done or join not checked (drops)", st.Unchecked))
	}
	if len(parts) == 0 {
		return "relaxations removed nothing"
	}
	return "relaxed: " + strings.Join(parts, ", ")
}

// operationRef matches how the checkers name an operation of a history that
// came from no file: "operation 5".
var operationRef = regexp.MustCompile(`\boperation (\d+)\b`)

// renumber rewrites the operation numbers of text, which refer to the
// relaxed history, into those of the original one.
func renumber(text string, kept []int) string {
	if !strings.Contains(text, "operation ") {
		return text
	}
	return operationRef.ReplaceAllStringFunc(text, func(m string) string {
		i, err := strconv.Atoi(m[len("operation "):])
		if err != nil || i < 0 || i >= len(kept) {
			return m
		}
		return "operation " + strconv.Itoa(kept[i])
	})
}

// VerdictText is the verdict with the relaxations it was reached under:
// "linearizable", or "linearizable with spurious try-failures",
// "linearizable with drops (Lossy: 3 values put were never got)",
// "violation even with spurious try-failures". It never says plain
// "linearizable" of a relaxed check.
func (r Report) VerdictText() string {
	if len(r.Relaxations) == 0 {
		return r.Verdict.String()
	}
	phrase := RelaxationText(r.Relaxations, r.Drops)
	switch r.Verdict {
	case Linearizable:
		return "linearizable with " + phrase
	case Violation:
		return "violation even with " + phrase
	}
	return r.Verdict.String() + " (with " + phrase + ")"
}

// RelaxationText describes relaxations in words, as verdicts print them:
// "spurious try-failures", "drops (Lossy: 3 values put were never got)",
// joined by "and". drops is the number of values put and never got.
func RelaxationText(rs []Relaxation, drops int) string {
	var parts []string
	for _, r := range normalizeRelaxations(rs) {
		switch r {
		case SpuriousTryFailures:
			parts = append(parts, "spurious try-failures")
		case Lossy:
			parts = append(parts, fmt.Sprintf("drops (Lossy: %d values put were never got)", drops))
		default:
			parts = append(parts, r.String())
		}
	}
	return strings.Join(parts, " and ")
}
