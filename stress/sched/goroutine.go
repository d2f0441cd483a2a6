package sched

import (
	"fmt"
	"runtime/debug"
	"unsafe"

	"github.com/petermattis/goid"
)

// state is where a managed goroutine is, as the scheduler sees it.
type state uint8

const (
	// running: let run, or just started, and not yet back at a point. After
	// the scheduler's quiescence wait, a goroutine still running is blocked
	// on a channel.
	running state = iota
	// waiting: stopped at a scheduling point.
	waiting
	// finished: returned, panicked or unwound after an abort.
	finished
)

// abortSignal unwinds a managed goroutine when its run aborts a schedule.
type abortSignal struct{}

// A goroutine is the record of one managed goroutine.
type goroutine struct {
	id    int   // 0, 1, 2, ... in the order the run created them
	goid  int64 // the runtime's id, for its stack in a report
	r     *run
	grant chan bool // true: run; false: unwind (the run aborted)
	fn    func()    // what it runs
	// watcher: started by GoWatcher; nobody waits for it (see fair.go)
	watcher bool
	// dormant: started by AfterFunc; while it cannot run, the run does
	// not wait for it to finish (see afterfunc.go)
	dormant bool

	selects int // the Select calls it made: where its next one starts trying

	// Guarded by r.mu.
	state   state
	what    string         // the operation at the point
	obj     unsafe.Pointer // the variable it touches
	ready   func() bool    // nil: always ready
	yielded bool           // the point is a Gosched
	at      Frame          // where the point is, when tracing
	steps   int            // steps this goroutine has been let run
	// waitsFor: the goroutines it waits for, since it began to yield;
	// lenient: the yields it may still make before they have run (see
	// fair.go)
	waitsFor []int
	lenient  int
}

// stop parks the calling goroutine at a scheduling point until the run lets
// it go on. It unwinds the goroutine if the run aborts.
func (g *goroutine) stop(what string, obj unsafe.Pointer, ready func() bool, yielded bool) {
	r := g.r
	var at Frame
	if r.tracing {
		at = callerOutside()
		if what == "start" {
			at = funcFrame(g.fn)
		}
	}
	r.mu.Lock()
	if r.aborted {
		r.mu.Unlock()
		panic(abortSignal{})
	}
	g.state, g.what, g.obj, g.ready, g.yielded, g.at = waiting, what, obj, ready, yielded, at
	r.mu.Unlock()
	select {
	case r.arrived <- struct{}{}:
	default:
	}
	if !<-g.grant {
		panic(abortSignal{})
	}
}

// main is the body of a managed goroutine: it registers, waits to be let
// run, runs f, and records how f ended.
func (g *goroutine) main(f func()) {
	g.goid = goid.Get()
	managed.Store(g.goid, g)
	defer managed.Delete(g.goid)
	defer g.finish()
	g.stop("start", nil, nil, false)
	f()
}

// finish marks g finished, recording a panic of f as the run's failure.
func (g *goroutine) finish() {
	p := recover()
	r := g.r
	r.mu.Lock()
	defer r.mu.Unlock()
	g.state = finished
	if p == nil {
		return
	}
	if _, ok := p.(abortSignal); ok {
		return
	}
	if r.failure == nil {
		r.failure = &Panic{Goroutine: g.id, Value: p, Stack: string(debug.Stack())}
	}
}

// stuck reports whether g is stopped at a point that cannot proceed: its
// ready function is false (a Cond.Wait not yet signalled, a Lock of a held
// mutex). Like a goroutine blocked on a channel, only another goroutine or
// time can let it go on. r.mu is held.
func (g *goroutine) stuck() bool {
	return g.state == waiting && g.ready != nil && !g.ready()
}

// describe says where g is, for a deadlock or livelock report.
func (g *goroutine) describe() string {
	switch g.state {
	case finished:
		return fmt.Sprintf("goroutine %d: finished", g.id)
	case running:
		return fmt.Sprintf("goroutine %d: blocked on a channel (or in code the scheduler does not control)", g.id)
	}
	where := ""
	if g.at.File != "" {
		where = " at " + g.at.String()
	}
	if g.stuck() {
		return fmt.Sprintf("goroutine %d: waiting in %s%s (it cannot proceed)", g.id, g.what, where)
	}
	return fmt.Sprintf("goroutine %d: ready at %s%s", g.id, g.what, where)
}
