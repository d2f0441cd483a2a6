package catchrate

import (
	"fmt"
	"slices"
	"time"
)

// Trials counts the searches of a catch that repeats independent trials
// (a property Run with a fresh seed, say) until one fails, and whose
// budget decides only whether another trial starts: how many trials each
// search needed, and how long a trial that passes takes. Its margin is in
// trials: how many the budget lets start, over the most a search needed.
// A catch's own trial is not counted against the budget, which never cuts
// a trial short.
type Trials struct {
	needed []int
	pass   time.Duration
	misses int
}

// Caught records a search that caught the bug in its n-th trial.
func (t *Trials) Caught(n int) { t.needed = append(t.needed, n) }

// Missed records a search that did not catch it.
func (t *Trials) Missed() { t.misses++ }

// Passed records a trial that passed after d (on the correct queue, or on
// the broken one before its catch).
func (t *Trials) Passed(d time.Duration) { t.pass = max(t.pass, d) }

// Report says the misses, the median and the most trials a catch needed,
// the slowest passing trial, and the margin: the trials that budget lets
// start at that pace, over the most a catch needed.
func (t *Trials) Report(budget time.Duration) string {
	r := t.counts() + fmt.Sprintf("; slowest passing trial %v", short(t.pass))
	if t.pass > 0 {
		allowed := float64(budget) / float64(t.pass)
		r += fmt.Sprintf(": a %v budget starts %.0f trials or more", budget, allowed) + t.margin(allowed)
	}
	return r
}

// ReportRuns is Report for a budget of a number of trials, allowed.
func (t *Trials) ReportRuns(allowed int) string {
	return t.counts() + fmt.Sprintf("; a budget of %d trials", allowed) + t.margin(float64(allowed))
}

// counts says the misses, and the median and most trials to a catch.
func (t *Trials) counts() string {
	needed := slices.Sorted(slices.Values(t.needed))
	median, most := 0, 0
	if len(needed) > 0 {
		median, most = needed[len(needed)/2], needed[len(needed)-1]
	}
	return fmt.Sprintf("%d misses in %d searches; trials to catch median %d, most %d",
		t.misses, t.misses+len(needed), median, most)
}

// margin says allowed over the most trials a catch needed, if any caught.
func (t *Trials) margin(allowed float64) string {
	if len(t.needed) == 0 {
		return ""
	}
	return fmt.Sprintf(", margin %.0fx", allowed/float64(slices.Max(t.needed)))
}
