package goroutines

import "time"

// start is when the process started (near enough: package init).
var start = time.Now()

// A Verdict is what a [Watch] concludes at one look.
type Verdict int

const (
	// Waiting: no conclusion yet. Some goroutine watched can run, and the
	// process has not used the spin budget since the last progress: the
	// machine may be loaded, and a slow run is no hang.
	Waiting Verdict = iota
	// Hung: every goroutine watched was blocked (none could run) at this
	// look and the one before, with no progress between: nothing is left
	// to wake them.
	Hung
	// Spinning: since the last progress the process has used the spin
	// budget of processor time and the goroutines still have not
	// finished: they run without getting anywhere (a livelock, a loop
	// that ignores its context). Processor time, not wall time, so a
	// loaded machine, which gives the process little of it, is no spin.
	Spinning
)

// A Watch tells, for goroutines that should finish, a hang or a spin from
// a slow machine, looking at them now and then (see [Watch.Look]). Its
// zero value is not ready: use [NewWatch].
type Watch struct {
	spin    time.Duration // processor time without progress that is a spin
	cpu     time.Duration // the process's processor time at the last progress
	blocked bool          // every goroutine was blocked at the last look
}

// MinSpin is the least processor time that a Watch calls a spin: the
// garbage collector and the race detector alone use milliseconds of it
// while a correct program waits.
const MinSpin = time.Second

// NewWatch returns a Watch that calls Spinning a stretch without progress
// in which the process used spin (at least MinSpin) of processor time.
func NewWatch(spin time.Duration) *Watch {
	return &Watch{spin: max(spin, MinSpin), cpu: CPU()}
}

// Progress says that the goroutines got somewhere (a call returned, a
// step completed): the next verdicts start afresh.
func (w *Watch) Progress() {
	w.cpu, w.blocked = CPU(), false
}

// Look looks at the goroutines ids (those that ended are left out; none
// left is Waiting: the caller sees them finish) and returns the verdict.
// A caller calls Progress rather than Look when they got somewhere since
// the last look.
func (w *Watch) Look(ids []int64) Verdict { return w.verdict(Blocked(ids)) }

// LookFamily is Look at the family of roots (see [Family]), found in the
// same dump as their stacks (see [BlockedFamily]).
func (w *Watch) LookFamily(roots ...int64) Verdict { return w.verdict(BlockedFamily(roots...)) }

// verdict is the verdict of a look that found the stacks dump, all of
// them blocked or not.
func (w *Watch) verdict(dump string, blocked bool) Verdict {
	defer func() { w.blocked = blocked }()
	switch {
	case dump == "":
		blocked = false
		return Waiting
	case blocked && w.blocked:
		return Hung
	case !blocked && CPU()-w.cpu >= w.spin:
		return Spinning
	}
	return Waiting
}

// String names the verdict.
func (v Verdict) String() string {
	switch v {
	case Hung:
		return "hung"
	case Spinning:
		return "spinning"
	}
	return "waiting"
}
