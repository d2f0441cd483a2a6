package sched

import "slices"

// Fairness, after CHESS's fair stateless model checking (Musuvathi and
// Qadeer, PLDI 2008): a goroutine that yields (stops at a Gosched: it
// spins, waiting for someone else) is never run again at once when
// another can run ([Choice.Alternatives]), and may run again only a few
// times (fairYields) before every goroutine that could run when it first
// yielded has run, or can no longer run. Without it, a search that may
// choose freely at every yield (DFS, where switching at a yield costs no
// preemption) can keep two spinners taking turns while the goroutine they
// wait for never runs, and report a livelock that no fair scheduler, Go's
// included, would ever produce. CHESS allows no extra run at all; a few
// let a spin that gives up after a bounded number of tries (spin, then
// park) be explored to its end while the goroutine it waits for is held
// back.
//
// Each goroutine keeps the goroutines it waits for since it began to
// yield (waitsFor), watchers left out (see [GoWatcher]); one that runs
// leaves every such set, and a goroutine that parks forgets its own.
// [Choice.Unfair] lists the goroutines that have used their extra runs
// and still wait for one that can run: [Choice.Default] and
// [Choice.Alternatives] pass them over.

// fairYields is how many times a goroutine may yield while a goroutine it
// waits for has not run: more than the kit's spin loops try before they
// park (queue's spinTries).
const fairYields = 8

// yielded records that g yielded while the goroutines enabled could run.
// r.mu is held.
func (r *run) yielded(g *goroutine, enabled []int) {
	if len(g.waitsFor) > 0 {
		g.lenient-- // yields again, while some it waits for have not run
		return
	}
	g.lenient = fairYields
	for _, id := range enabled {
		if id != g.id && !r.gs[id].watcher {
			g.waitsFor = append(g.waitsFor, id)
		}
	}
}

// ran records that g was let run: nobody waits for it any more. It also
// ends the spells of yielding of the goroutines parked now (blocked
// outside a point: see [G.Parked]): when one comes back, it waits for the
// goroutines runnable then, not for those of an earlier spell. One pass a
// step for both. r.mu is held, g not yet marked running.
func (r *run) ran(g *goroutine) {
	for _, h := range r.gs {
		switch {
		case len(h.waitsFor) == 0:
		case h.state == running:
			h.waitsFor = h.waitsFor[:0]
		default:
			h.waitsFor = slices.DeleteFunc(h.waitsFor, func(id int) bool { return id == g.id })
		}
	}
}

// unfair returns the goroutines of enabled that have used their extra
// runs and wait for another goroutine of enabled, kept in the run's arena
// (a Choice keeps them). r.mu is held.
func (r *run) unfair(enabled []int) []int {
	out := r.arena(len(enabled))
	for _, id := range enabled {
		g := r.gs[id]
		if g.lenient <= 0 && slices.ContainsFunc(g.waitsFor, func(w int) bool { return slices.Contains(enabled, w) }) {
			out = append(out, id)
		}
	}
	return r.keep(out)
}
