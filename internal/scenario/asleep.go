package scenario

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/pcqkit/pcq/models"
)

// Under the controlled scheduler a client's blocking get or put waits on
// a context that a canceller may cancel at any step at which the client is
// blocked (see withWait). That hides a lost wake-up from the history: a
// getter that sleeps on while an item waits is canceled in the end, and a
// queue that tries once more on cancellation then hands it the item, a
// legal history. So a canceller holds back while the call it would cancel
// is asleep with work waiting (see client.asleepWithWork). If something
// wakes the call all the same (time: a queue that polls with a timer), the
// schedule goes on; if nothing does, the scheduler reports a deadlock, and
// the outcome says why the cancellers held back (heldBack).

// cancellers are the reasons the cancellers of a run hold back, one slot
// per canceller: "" while it does not.
type cancellers struct {
	mu    sync.Mutex
	slots []*atomic.Pointer[string]
}

// slot returns a new canceller's slot.
func (c *cancellers) slot() *atomic.Pointer[string] {
	s := new(atomic.Pointer[string])
	c.mu.Lock()
	c.slots = append(c.slots, s)
	c.mu.Unlock()
	return s
}

// heldBack returns why the cancellers hold back, or "" if none does.
func (c *cancellers) heldBack() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var why []string
	for _, s := range c.slots {
		if p := s.Load(); p != nil && *p != "" {
			why = append(why, *p)
		}
	}
	return strings.Join(why, "; ")
}

// asleepWithWork returns, for client cl blocked in a call of op, why that
// call is asleep with work waiting, or "" if it is not or that cannot be
// told: every client is parked or finished (nothing of the run is left to
// wake it), no shutdown was called and no relaxation applies, and the
// queue holds an item for a parked get, or room for a parked put, however
// the calls in progress count. They are counted against the verdict:
// another get in progress may have taken an item already, a put in
// progress (the parked one too) may have added one: a queue whose put
// waits after it has inserted, until its item is taken, passes. A get
// that has taken its item and sleeps on is a hang by any contract, and is
// reported as one. Call it only from the ready function of an Await.
func (cl *client) asleepWithWork(op models.Op) string {
	ex := cl.ex
	if len(ex.opts.Relaxations) > 0 || (op != models.Get && op != models.Put) {
		return ""
	}
	items, putting, getting := 0, 0, 0
	for _, c := range ex.clients {
		g := c.g.Load()
		if c.shutting.Load() || g == nil || !(g.Parked() || g.Finished()) {
			return ""
		}
		items += int(c.puts.Load() - c.gets.Load())
		putting += b2i(c.inPut.Load())
		if c != cl {
			getting += b2i(c.inGet.Load())
		}
	}
	switch {
	case op == models.Get && items-getting > 0:
		return fmt.Sprintf("client %d is asleep in get while the queue holds %d item(s) by the calls that returned, and every client is asleep or finished: nothing is left to wake it (a lost wake-up)",
			cl.c.ID(), items-getting)
	case op == models.Put && ex.s.Capacity > 0 && items+putting < ex.s.Capacity:
		return fmt.Sprintf("client %d is asleep in put while the queue holds %d item(s) of %d by the calls that returned, and every client is asleep or finished: nothing is left to wake it (a lost wake-up)",
			cl.c.ID(), items+putting, ex.s.Capacity)
	}
	return ""
}
