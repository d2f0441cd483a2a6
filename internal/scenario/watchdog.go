package scenario

import (
	"fmt"
	"time"

	"github.com/pcqkit/pcq/internal/goroutines"
)

// watch waits for done, the end of the run whose goroutines descend from
// root, and returns "" when it came, else why the run is a hang. A run
// that is slow is no hang: the machine may be loaded, or the run long. So
// the watchdog looks every d, and gives up only on a run that made no
// progress since its last look (see progress) and whose goroutines are
// hung — all blocked at two looks in a row — or spinning — the process
// used d of processor time without their getting anywhere (see
// goroutines.Watch). A run that progresses, or that waits for a
// processor, is waited for.
func (ex *exec) watch(done <-chan struct{}, root func() int64, d time.Duration) string {
	d = max(d, 2*ex.longestWait()) // a goroutine in a timed wait is parked, and not hung
	timer := time.NewTimer(d)
	defer timer.Stop()
	w, last := goroutines.NewWatch(d), ex.progress()
	for {
		select {
		case <-done:
			return ""
		case <-timer.C:
		}
		if now := ex.progress(); now != last {
			w.Progress()
			last = now
		} else {
			switch w.LookFamily(root()) {
			case goroutines.Hung:
				return fmt.Sprintf("the run made no progress for %v, every goroutine of it blocked at two looks %v apart (a hang: lost wake-up, join that never returns, a call ignoring its context?)", 2*d, d)
			case goroutines.Spinning:
				return fmt.Sprintf("the run made no progress while the process used %v of processor time (a spin: a call looping without getting anywhere, ignoring its context?)", max(d, goroutines.MinSpin))
			}
		}
		timer.Reset(d)
	}
}

// longestWait is the longest timed wait that a goroutine of the run may
// be parked in: a step's, the drain's.
func (ex *exec) longestWait() time.Duration {
	longest := drainWait
	for _, steps := range ex.s.Clients {
		for _, st := range steps {
			longest = max(longest, st.Wait)
		}
	}
	return longest
}

// progress is a count that grows with every step the run takes: the
// clients' steps, the drain's gets, the final client's stages, the fills
// of its bursts and the calls of its probes that returned. It reads only what each goroutine
// stores of its own (no shared counter that the clients would all write:
// that would order their calls, and hide the races of the queue).
func (ex *exec) progress() int64 {
	var n int64
	for _, c := range ex.clients {
		n += c.progress()
	}
	for i := range ex.drained {
		n += ex.drained[i].Load()
	}
	n += ex.stages.Load() + ex.probed.Load()
	if p := ex.probing.Load(); p != nil {
		_, returned := p.out()
		n += int64(returned)
	}
	return n
}

// progress is the number of steps the client has begun, plus one when it
// has finished them all.
func (cl *client) progress() int64 {
	switch p := cl.pos.Load(); {
	case p < 0:
		return int64(len(cl.steps)) + 1
	default:
		return int64(p)
	}
}
