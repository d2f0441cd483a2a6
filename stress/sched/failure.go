package sched

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pcqkit/pcq/internal/goroutines"
)

// Deadlock is the failure of a schedule in which no goroutine can run while
// some have not finished: a deadlock, or a lost wake-up.
type Deadlock struct {
	Step       int      // the step at which nobody could run
	Goroutines []string // where each goroutine is
}

// Error reports the step at which no goroutine could run and where each
// goroutine was.
func (d *Deadlock) Error() string {
	return fmt.Sprintf("sched: deadlock at step %d: no goroutine can run\n\t%s", d.Step, strings.Join(d.Goroutines, "\n\t"))
}

// Livelock is the failure of a schedule that ran past its step budget
// without every goroutine finishing: a livelock, or a goroutine spinning on
// a condition nobody will make true.
type Livelock struct {
	Steps      int
	Goroutines []string // where each goroutine is, the busiest first
}

// Error reports the steps run without every goroutine finishing and where
// each goroutine was, the busiest first.
func (l *Livelock) Error() string {
	return fmt.Sprintf("sched: livelock: %d steps without every goroutine finishing\n\t%s", l.Steps, strings.Join(l.Goroutines, "\n\t"))
}

// Panic is the failure of a schedule in which a managed goroutine panicked.
type Panic struct {
	Goroutine int
	Value     any
	Stack     string
}

// Error reports the goroutine that panicked, the value it panicked with and
// its stack.
func (p *Panic) Error() string {
	return fmt.Sprintf("sched: goroutine %d panicked: %v\n%s", p.Goroutine, p.Value, p.Stack)
}

// deadlock describes the goroutines when none can run. r.mu is held.
func (r *run) deadlock() error {
	d := &Deadlock{Step: int(r.steps.Load())}
	stacks := goroutines.Stacks()
	done := 0
	for _, g := range r.gs {
		switch g.state {
		case finished:
			done++
		case running:
			d.Goroutines = append(d.Goroutines, fmt.Sprintf("goroutine %d: blocked in %s", g.id, waitsAt(stacks[g.goid])))
		default:
			d.Goroutines = append(d.Goroutines, g.describe())
		}
	}
	if done > 0 {
		d.Goroutines = append(d.Goroutines, fmt.Sprintf("(%d other goroutines have finished)", done))
	}
	return d
}

// livelock describes the goroutines when the step budget is spent, the
// goroutines that took most steps first. r.mu is held.
func (r *run) livelock() error {
	gs := append([]*goroutine(nil), r.gs...)
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].steps > gs[j].steps })
	l := &Livelock{Steps: int(r.steps.Load())}
	for _, g := range gs {
		l.Goroutines = append(l.Goroutines, fmt.Sprintf("%s (%d steps)", g.describe(), g.steps))
	}
	return l
}
