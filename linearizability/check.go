package linearizability

import (
	"fmt"
	"strings"
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/search"
)

// Option configures [Check].
type Option func(*options)

type options struct {
	checker Checker
	timeout time.Duration
	memory  int64
	steps   int64
	relax   []Relaxation
}

// limits are the limits of a porcupine search under o.
func (o options) limits() search.Limits {
	return search.Limits{Timeout: o.timeout, Memory: o.memory, Steps: o.steps}
}

// DefaultTimeout is how long [Check] lets porcupine run by default.
const DefaultTimeout = 60 * time.Second

// WithChecker chooses the checker: [Auto] (the default: the fast checker
// when it can decide the history, porcupine otherwise), [Fast] or
// [Porcupine]. A value that is none of them makes [Check] answer Unknown,
// saying so; [ParseChecker] turns a name into a Checker.
func WithChecker(c Checker) Option {
	return func(o *options) { o.checker = c }
}

// WithTimeout bounds the time porcupine may take (default
// [DefaultTimeout]; 0: no limit). The fast checker needs no limit.
func WithTimeout(d time.Duration) Option {
	return func(o *options) { o.timeout = d }
}

// WithSteps bounds the work porcupine may do, in steps of the model it
// tries (default 0: no limit). Unlike [WithTimeout] the bound does not
// depend on the machine or its load: the same history gets the same
// verdict under the same budget anywhere, so a harness that gives a
// history a step budget and no time limit never calls it undecided
// because the machine was busy, and replays its verdict exactly. A
// search that reaches the budget stops, and the verdict is Unknown,
// saying "step budget of N reached". The fast checker needs no budget.
func WithSteps(n int64) Option {
	return func(o *options) { o.steps = max(n, 0) }
}

// WithMemoryBudget bounds the memory porcupine's search may hold, in
// bytes, estimated (default [DefaultMemoryBudget]; 0: no limit). A search
// that reaches it stops, and the verdict is Unknown, saying "memory budget
// reached" and what would decide the history: the process is never
// killed for memory instead of answering. The fast checker needs no
// budget.
func WithMemoryBudget(bytes int64) Option {
	return func(o *options) { o.memory = max(bytes, 0) }
}

// DefaultMemoryBudget is the memory budget of [Check] by default: an
// eighth of the memory the process may use, the smallest of the physical
// memory, its control group's memory limit, its address space limit
// (ulimit -v) and the Go memory limit (GOMEMLIMIT) when set; 2 GiB when
// none is known. The
// budget counts porcupine's memo, the bulk of what it holds; the process
// as a whole uses up to about twice as much.
func DefaultMemoryBudget() int64 { return search.DefaultMemory() }

// Check decides whether h is linearizable with the chosen checker, and
// says in r.Checker which one decided and in r.Note why it was that one.
// Check does not validate h: see [Validate]. With [WithRelaxations], h is
// relaxed ([Relax]) first and the report names the relaxations.
func Check(h history.History, opts ...Option) Report {
	o := options{checker: Auto, timeout: DefaultTimeout, memory: DefaultMemoryBudget()}
	for _, opt := range opts {
		opt(&o)
	}
	if len(o.relax) > 0 {
		return checkRelaxed(h, o)
	}
	return checkStrict(h, o)
}

func checkStrict(h history.History, o options) Report {
	switch o.checker {
	case Porcupine:
		return checkPorcupine(h, o.limits())
	case Fast:
		r, decided := checkFast(h)
		if !decided {
			r.Verdict = Unknown
			r.Explanation = "the fast checker cannot decide this history: " + undecidedReason(r)
		}
		return r
	case Auto:
		return checkAuto(h, o.limits())
	}
	return Report{
		Verdict:     Unknown,
		Operations:  len(h.Operations),
		Explanation: fmt.Sprintf("linearizability: unknown checker %v (want auto, fast or porcupine)", o.checker),
	}
}

func checkAuto(h history.History, lim search.Limits) Report {
	fr, decided := checkFast(h)
	if decided {
		fr.Note = joinNote("the fast checker decided", fr.Note)
		return fr
	}
	r := checkPorcupine(h, lim)
	r.Elapsed += fr.Elapsed
	decider := "porcupine decided"
	switch {
	case r.Verdict == Unknown && strings.HasPrefix(r.Explanation, "memory budget reached"):
		decider = "porcupine stopped at the memory budget"
	case r.Verdict == Unknown:
		decider = "porcupine did not decide in time"
	}
	r.Note = joinNote(fmt.Sprintf("the fast checker cannot decide this history (%s); %s", undecidedReason(fr), decider), r.Note)
	return r
}

func undecidedReason(r Report) string {
	switch {
	case r.Note != "":
		return r.Note
	case r.Explanation != "":
		return r.Explanation
	}
	return "no reason given"
}

func joinNote(a, b string) string {
	if b == "" {
		return a
	}
	return a + "; " + b
}
