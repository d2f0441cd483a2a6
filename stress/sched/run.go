package sched

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"testing/synctest"
	"time"
)

// A run is one execution of a body under a strategy.
type run struct {
	strategy  Strategy
	maxSteps  int
	idle      time.Duration // how long nobody may run before it is a deadlock
	spin      time.Duration // the fake time a round of spinning takes
	tracing   bool
	onFailure func()
	ctx       context.Context
	cancel    context.CancelFunc

	steps atomic.Int64 // steps taken
	// clock is the logical time ([Now]): one tick at every step and one at
	// every reading, so that two readings are never equal and a reading
	// made after another, by any goroutine, is larger.
	clock atomic.Int64

	// arrived has a token when a goroutine has come to a point since the
	// loop last looked: how the loop learns, while it lets fake time pass,
	// that a timer woke someone.
	arrived chan struct{}

	mu        sync.Mutex
	gs        []*goroutine
	aborted   bool
	settled   bool // StopExploring was called: every choice is the default
	failure   error
	current   int // the goroutine let run last, -1 before the first step
	decisions []int
	choice    Choice // the current one
	// keepChoices: the strategy wants every Choice in the Result (a
	// search that backtracks over them).
	keepChoices bool
	ids         []int // an arena for the enabled sets, which choices keep
	choices     []Choice
	trace       []Step
	print       uint32 // FNV-1a of the points, in the order they were let run
}

// spawn creates a managed goroutine running f and returns at once; the
// goroutine joins the schedule at its first point.
func (r *run) spawn(f func(), watcher bool) { r.start(&goroutine{fn: f, watcher: watcher}) }

// spawnDormant is spawn for the goroutine of an [AfterFunc]: the run ends
// without it while it cannot run.
func (r *run) spawnDormant(f func()) { r.start(&goroutine{fn: f, dormant: true}) }

// start numbers g, a new goroutine, and starts it.
func (r *run) start(g *goroutine) {
	r.mu.Lock()
	g.id, g.r, g.grant = len(r.gs), r, make(chan bool, 1)
	r.gs = append(r.gs, g)
	r.mu.Unlock()
	go g.main(g.fn)
}

// loop lets one goroutine run at a time until every goroutine has finished
// or the schedule is aborted. When nobody can run but some goroutine is
// blocked outside a point (on a channel, a timer, a sleep), it lets the
// bubble's fake time pass (see [run.letTimePass]); only when nobody comes
// to a point within r.idle of fake time is it a deadlock. Every decision
// is taken after a quiescence wait, from the goroutines' states alone, so
// fake time changes no decision of a replay. When every goroutine that
// can run stands at a runtime.Gosched (each spins, waiting for another),
// r.spin of fake time passes before the choice, as a round of spinning
// takes time: a spin loop with a deadline (poll until a timeout) ends.
func (r *run) loop() {
	idle := false // r.idle has passed with nobody coming to a point
	spun := false // r.spin has passed since the last choice
	for {
		synctest.Wait() // every managed goroutine is at a point, blocked, or finished
		r.mu.Lock()
		enabled, live := r.enabled()
		switch {
		case live == 0:
			r.abort() // unwinds the dormant goroutines left, if any
			r.mu.Unlock()
			r.unwind()
			return
		case r.failure != nil:
		case len(enabled) == 0 && !idle && r.blockedOutside():
			r.mu.Unlock()
			idle = r.letTimePass()
			continue
		case len(enabled) == 0:
			r.failure = r.deadlock()
		case int(r.steps.Load()) >= r.maxSteps:
			r.failure = r.livelock()
		case !spun && r.allYielded(enabled):
			r.mu.Unlock()
			time.Sleep(r.spin) // every goroutine of the bubble at a point or blocked: the clock moves at once
			spun = true
			continue
		default:
			idle, spun = false, false
			g := r.choose(enabled)
			r.mu.Unlock()
			g.grant <- true
			continue
		}
		if r.onFailure != nil {
			r.onFailure()
		}
		r.abort()
		r.mu.Unlock()
		r.unwind()
		return
	}
}

// allYielded reports whether every goroutine of enabled stands at a
// runtime.Gosched. r.mu is held.
func (r *run) allYielded(enabled []int) bool {
	for _, id := range enabled {
		if !r.gs[id].yielded {
			return false
		}
	}
	return true
}

// blockedOutside reports whether a live goroutine is blocked outside a
// point: on a channel, a select, a timer or a sleep, which time or another
// goroutine may end; or whether an AfterFunc's dormant goroutine waits for
// its context, which a deadline may end. r.mu is held.
func (r *run) blockedOutside() bool {
	for _, g := range r.gs {
		if g.state == running || g.dormant && g.stuck() {
			return true // a dormant one waits for its context: a deadline may end it
		}
	}
	return false
}

// letTimePass waits, on the bubble's fake clock, until a goroutine comes to
// a point or r.idle has passed; it reports whether r.idle passed. Every
// goroutine of the bubble is durably blocked when it is called, so the
// bubble moves its clock at once to the earliest timer: a sleep or timer of
// the code under test ends without real waiting, in the order of their
// times. It is called with nobody at a point able to run, so no arrival can
// be pending but an old token, which it drops first.
func (r *run) letTimePass() (idle bool) {
	select {
	case <-r.arrived:
	default:
	}
	timer := time.NewTimer(r.idle)
	defer timer.Stop()
	select {
	case <-r.arrived:
		return false
	case <-timer.C:
		return true
	}
}

// enabled returns the ids of the goroutines that may be let run, and the
// number of goroutines that have not finished, dormant goroutines that
// cannot run left out. r.mu is held.
func (r *run) enabled() (ids []int, live int) {
	ids = r.arena(len(r.gs))
	for _, g := range r.gs {
		stuck := g.stuck()
		if g.state == finished || g.dormant && stuck {
			continue
		}
		live++
		if g.state == waiting && !stuck {
			ids = append(ids, g.id)
		}
	}
	return r.keep(ids), live
}

// arena returns an empty slice with room for n ids at the end of the run's
// arena, where the sets of ids that choices keep are written without an
// allocation each. Fill it, then keep it. r.mu is held.
func (r *run) arena(n int) []int {
	if cap(r.ids)-len(r.ids) < n {
		r.ids = make([]int, 0, max(4096, 4*len(r.gs)))
	}
	return r.ids[len(r.ids):len(r.ids)]
}

// keep claims ids, filled from arena, and returns them capped: an append
// to them cannot write over the next set. r.mu is held.
func (r *run) keep(ids []int) []int {
	r.ids = r.ids[:len(r.ids)+len(ids)]
	return ids[:len(ids):len(ids)]
}

// choose asks the strategy who runs next, records the decision and marks
// that goroutine running. r.mu is held.
func (r *run) choose(enabled []int) *goroutine {
	c := &r.choice // reused: a choice a step would be an allocation a step
	*c = Choice{Step: int(r.steps.Load()), Enabled: enabled, Current: r.current, Goroutines: len(r.gs)}
	if r.current >= 0 {
		cur := r.gs[r.current]
		c.CurrentEnabled = cur.state == waiting && slices.Contains(enabled, cur.id)
		c.Yielded = c.CurrentEnabled && cur.yielded
		if c.Yielded {
			r.yielded(cur, enabled)
		}
	}
	if len(enabled) > 1 {
		c.Unfair = r.unfair(enabled)
	}
	id := enabled[0]
	switch {
	case len(enabled) > 1 && r.settled:
		id = c.Default()
	case len(enabled) > 1:
		id = r.strategy.Next(c)
		if !slices.Contains(enabled, id) {
			panic("sched: strategy chose a goroutine that cannot run")
		}
		r.decisions = append(r.decisions, id)
		c.Chosen = id
		if r.keepChoices {
			r.choices = append(r.choices, *c)
		}
	}
	g := r.gs[id]
	r.ran(g)
	g.state, g.ready = running, nil
	g.steps++
	r.current = id
	r.steps.Add(1)
	r.record(g, r.clock.Add(1))
	stepped()
	return g
}

// abort marks the run aborted and tells every waiting goroutine to unwind.
// r.mu is held.
func (r *run) abort() {
	r.aborted = true
	r.cancel()
	for _, g := range r.gs {
		if g.state == waiting {
			g.state = running
			g.grant <- false
		}
	}
}

// unwind waits for the goroutines of an aborted run to finish. Those that
// stay blocked on a channel that no context reaches cannot be unwound; they
// are left to the bubble, which reports them.
func (r *run) unwind() {
	synctest.Wait()
}
