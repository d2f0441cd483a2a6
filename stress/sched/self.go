package sched

// A G is a managed goroutine, as the ready function of an [Await] may look
// at it: a canceller, say, that may cancel a context only while the
// goroutine using it is blocked.
type G struct{ g *goroutine }

// Self returns the calling goroutine, or nil outside a scheduler.
func Self() *G {
	if g := current(); g != nil {
		return &G{g}
	}
	return nil
}

// ID returns the goroutine's number in its run: 0 for the body, then 1, 2,
// ... in the order they were started.
func (g *G) ID() int { return g.g.id }

// Blocked reports whether the goroutine waits for another: blocked
// outside a scheduling point (on a channel, a select, a timer, or in code
// the scheduler does not control), stopped at a point that cannot proceed
// (a Cond.Wait not yet signalled, a Lock of a held mutex: an [Await]
// whose ready function is false), or spinning — stopped at a [Gosched],
// as a poll loop is between its tries. Call it only from the ready
// function of an Await, while the scheduler holds every goroutine still.
func (g *G) Blocked() bool {
	return g.Parked() || g.g.state == waiting && g.g.yielded
}

// Parked reports whether the goroutine is blocked outside a scheduling
// point (on a channel, a select, a timer, a sleep, or in code the
// scheduler does not control) or stopped at a point that cannot proceed
// (see [G.Blocked]): only another goroutine or time can end its wait.
// Unlike [G.Blocked], a goroutine spinning at a [Gosched] is not parked:
// it tries again when it runs. Like [G.Blocked], call it only from the
// ready function of an Await.
func (g *G) Parked() bool { return g.g.state == running || g.g.stuck() }

// Finished reports whether the goroutine has finished. Like
// [G.Blocked], call it only from the ready function of an Await.
func (g *G) Finished() bool { return g.g.state == finished }
