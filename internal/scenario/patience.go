package scenario

import (
	"context"
	"math"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pcqkit/pcq/internal/goroutines"
	"github.com/pcqkit/pcq/stress/sched"
)

// probeCalls are the blocking calls of one final probe, which a correct
// queue returns from.
//
// In real time, "not returned yet" is no verdict: a call that the queue
// woke at once may then wait for a processor for as long as the machine
// is loaded, and a deadline would turn that wait into a false "lost
// wake-up". So the calls carry no deadline. A watcher looks at them every
// ProbeWait instead and calls them stuck only when, at two looks in a
// row, every call still out is parked — blocked in the runtime, neither
// running nor runnable — and none returned in between. A parked call is
// woken only by another call on the queue (or a timer of its own); the
// clients have finished, and the probe's other calls are parked too, so
// nothing is left to wake it. The watcher then marks the calls still out
// stuck and cancels their context, so that they return. A call that is
// never parked (one spinning, or starved by the machine) is not the
// watcher's: the run's watchdog tells the two apart by progress.
//
// Under the controlled scheduler there is no watcher: a call that never
// returns leaves no goroutine able to run, which the scheduler reports.
type probeCalls struct {
	ex       *exec
	ctx      context.Context
	cancel   context.CancelFunc
	calls    sync.WaitGroup // the calls run by goCall
	mu       sync.Mutex     // guards list
	list     []*probeCall
	stop     chan struct{} // closed by wait: the watcher ends
	watching sync.WaitGroup
}

// A probeCall is one call of a probe.
type probeCall struct {
	id    atomic.Int64            // its goroutine's id; 0 until it starts
	g     atomic.Pointer[sched.G] // under the controlled scheduler, its goroutine
	done  atomic.Bool             // it returned
	stuck atomic.Bool             // the watcher found it stuck and canceled it
}

// newProbeCalls returns the calls of a probe, with a context derived from
// ctx that the probe and the watcher may cancel.
func (ex *exec) newProbeCalls(ctx context.Context) *probeCalls {
	p := &probeCalls{ex: ex, stop: make(chan struct{})}
	p.ctx, p.cancel = context.WithCancel(ctx)
	if prev := ex.probing.Swap(p); prev != nil {
		_, returned := prev.out()
		ex.probed.Add(int64(returned))
	}
	if !ex.controlled {
		p.watching.Add(1)
		go p.watch()
	}
	return p
}

// goCall runs call in a goroutine of its own, watched.
func (p *probeCalls) goCall(call func(ctx context.Context)) *probeCall {
	c := p.add()
	p.calls.Add(1)
	sched.Go(func() {
		defer p.calls.Done()
		p.run(c, call)
	})
	return c
}

// call runs call in the calling goroutine, watched, and reports whether
// the watcher found it stuck.
func (p *probeCalls) call(call func(ctx context.Context)) (stuck bool) {
	c := p.add()
	p.run(c, call)
	return c.stuck.Load()
}

func (p *probeCalls) add() *probeCall {
	c := &probeCall{}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.list = append(p.list, c)
	return c
}

func (p *probeCalls) run(c *probeCall, call func(ctx context.Context)) {
	c.g.Store(sched.Self())
	c.id.Store(goroutines.ID())
	defer c.done.Store(true)
	call(p.ctx)
}

// settle lets the calls started so far block (see exec.settle).
func (p *probeCalls) settle() {
	p.mu.Lock()
	list := append([]*probeCall(nil), p.list...)
	p.mu.Unlock()
	p.ex.settle(list)
}

// wait waits for the calls run by goCall, then ends the watcher and
// cancels the context.
func (p *probeCalls) wait() {
	p.calls.Wait()
	close(p.stop)
	p.watching.Wait()
	p.cancel()
}

// watch looks at the calls every ProbeWait and cancels them when they are
// stuck (see probeCalls). A call that can run is the run watchdog's.
func (p *probeCalls) watch() {
	defer p.watching.Done()
	tick := time.NewTicker(p.ex.opts.ProbeWait)
	defer tick.Stop()
	w, returned := goroutines.NewWatch(math.MaxInt64), 0
	for {
		select {
		case <-p.stop:
			return
		case <-tick.C:
		}
		out, n := p.out()
		ids, started := idsOf(out)
		if n != returned || !started {
			w.Progress()
			returned = n
			continue
		}
		if w.Look(ids) == goroutines.Hung { // not LookFamily: a call run in the probe's goroutine has the watcher in its family
			for _, c := range out {
				c.stuck.Store(true)
			}
			p.cancel()
			return
		}
	}
}

// out returns the calls not yet returned, and how many have returned.
func (p *probeCalls) out() (out []*probeCall, returned int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.list {
		if c.done.Load() {
			returned++
		} else {
			out = append(out, c)
		}
	}
	return out, returned
}

// idsOf returns the goroutine ids of calls, and whether all have started.
func idsOf(calls []*probeCall) (ids []int64, started bool) {
	ids = make([]int64, len(calls))
	for i, c := range calls {
		if ids[i] = c.id.Load(); ids[i] == 0 {
			return nil, false
		}
	}
	return ids, true
}
