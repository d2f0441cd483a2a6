package scenario

import "time"

// watch waits for done, the end of the run, and reports whether it came.
// A run that is slow is no hang: the machine may be loaded, or the run
// long. So the watchdog gives up only after a whole period of d in which
// the run made no progress at all (see progress); a run that keeps
// progressing is waited for. A spinning call makes no progress, so a
// spin is a hang as much as a call blocked for ever.
func (ex *exec) watch(done <-chan struct{}, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	last := ex.progress()
	for {
		select {
		case <-done:
			return true
		case <-timer.C:
		}
		now := ex.progress()
		if now == last {
			return false
		}
		last = now
		timer.Reset(d)
	}
}

// progress is a count that grows with every step the run takes: the
// clients' steps, the drain's gets, the final client's stages and the
// calls of its probes that returned. It reads only what each goroutine
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
