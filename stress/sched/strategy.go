package sched

import "slices"

// A Choice is one decision of a schedule: which of the goroutines that can
// run goes next. The scheduler asks only when there are at least two.
type Choice struct {
	Step       int   // steps taken before this one
	Enabled    []int // the goroutines that can run, ascending
	Current    int   // the goroutine let run last, -1 at the first step
	Goroutines int   // goroutines created so far
	// CurrentEnabled: the current goroutine is among Enabled. Running
	// another one then is a preemption, unless it yielded.
	CurrentEnabled bool
	// Yielded: the current goroutine stopped at a Gosched (it spins,
	// waiting for someone else).
	Yielded bool
	// Unfair: the goroutines of Enabled that yielded and wait for another
	// of Enabled to run first (see fair.go); Default and Alternatives pass
	// them over.
	Unfair []int
	Chosen int // the goroutine let run (filled in once decided)
}

// A Strategy decides who runs at each choice of one schedule.
type Strategy interface {
	// Next returns one of c.Enabled.
	Next(c *Choice) int
}

// Preempts reports whether running id at c preempts the current goroutine:
// it could go on and did not yield.
func (c *Choice) Preempts(id int) bool {
	return c.CurrentEnabled && !c.Yielded && id != c.Current
}

// Default is the choice that preempts nobody: the current goroutine while it
// can run and has not yielded, else the next goroutine after it in
// round-robin order (a goroutine that yielded is passed over when anyone
// else can run, and so is one that waits for another to run: see
// [Choice.Unfair]).
func (c *Choice) Default() int {
	if c.CurrentEnabled && !c.Yielded {
		return c.Current
	}
	fair := c.fair()
	for _, id := range fair {
		if id > c.Current {
			return id
		}
	}
	if fair[0] == c.Current && len(fair) > 1 {
		return fair[1]
	}
	return fair[0]
}

// Alternatives returns the goroutines worth running at c: all of Enabled,
// except that a goroutine that yielded is not run again at once when anyone
// else can run (it would only spin once more), nor while one it waits for
// can run (see [Choice.Unfair]).
func (c *Choice) Alternatives() []int {
	alts := c.fair()
	if c.Yielded && len(alts) > 1 {
		return slices.DeleteFunc(slices.Clone(alts), func(id int) bool { return id == c.Current })
	}
	return alts
}

// fair returns Enabled without the goroutines of Unfair, or Enabled if
// that would leave none.
func (c *Choice) fair() []int {
	if len(c.Unfair) == 0 || len(c.Unfair) == len(c.Enabled) {
		return c.Enabled
	}
	return slices.DeleteFunc(slices.Clone(c.Enabled), func(id int) bool { return slices.Contains(c.Unfair, id) })
}

// choiceKeeper is a strategy that needs every Choice of its run in the
// Result ([Result.Choices]).
type choiceKeeper interface{ keepsChoices() }

// An Explorer runs many schedules: it gives the strategy of each next
// schedule and learns how it went.
type Explorer interface {
	// Next returns the strategy of the next schedule, or nil when there is
	// nothing left to explore.
	Next() Strategy
	// Done reports the result of the schedule whose strategy Next returned last.
	Done(r *Result)
	// String names the exploration: "random", "pct(depth 3)", "dfs(preemptions <= 2)".
	String() string
}
