package linearizability

import "time"

// Verdict is a checker's answer about a history.
type Verdict uint8

// The three verdicts. Unknown never counts as a pass.
const (
	Linearizable Verdict = iota // some linearization exists
	Violation                   // no linearization exists
	Unknown                     // the checker gave up (time) or could not decide
)

var verdictNames = [...]string{Linearizable: "linearizable", Violation: "violation", Unknown: "unknown"}

// String returns "linearizable", "violation" or "unknown".
func (v Verdict) String() string { return verdictNames[v] }

// Report is a checker's verdict about a history, with what decided it and,
// for a violation, an explanation a person can act on.
type Report struct {
	Verdict Verdict
	// Checker names what decided: "fast", "porcupine", or both with the
	// fragment each decided (for example "fast+porcupine").
	Checker string
	// Operations is the number of operations checked.
	Operations int
	// Elapsed is the time the check took.
	Elapsed time.Duration
	// Explanation says in words why the history is a violation (the few
	// operations that make it, with their lines), or why the verdict is
	// unknown. Empty for a linearizable history.
	Explanation string
	// Culprits are the indices, in History.Operations, of the operations
	// that make the violation.
	Culprits []int
	// Note records anything the verdict does not cover, for example
	// operations the fast checker could not decide and handed on.
	Note string
	// Relaxations are the relaxations the history was checked under
	// (see [WithRelaxations]); nil: the strict model.
	Relaxations []Relaxation
	// Drops is, under [Lossy], the number of values put and never got.
	Drops int
}
