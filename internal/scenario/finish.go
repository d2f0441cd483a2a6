package scenario

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
	"github.com/pcqkit/pcq/stress/sched"
)

// probeSettle is how long the final client lets the probe's getters block
// before it puts or shuts down. A getter that is not yet blocked then is
// harmless: it finds the item, or the shutdown, at once.
const probeSettle = 2 * time.Millisecond

// probeResult is what the final probes found.
type probeResult struct {
	check     harness.Check
	msg       string
	notProbed []string
}

func (ex *exec) probeFail(c harness.Check, format string, args ...any) {
	if ex.probe.check == "" {
		ex.probe.check, ex.probe.msg = c, fmt.Sprintf(format, args...)
	}
}

func (ex *exec) notProbed(format string, args ...any) {
	ex.probe.notProbed = append(ex.probe.notProbed, fmt.Sprintf(format, args...))
}

// finish drains the queue (recorded), then probes it (unrecorded). It runs
// after every client has finished, so each probe's expectation is exact.
func (ex *exec) finish(ctx context.Context) {
	ex.setStage("draining the queue with try_get")
	ex.drain()
	if ex.opts.SkipProbes {
		ex.notProbed("every final probe (Options.SkipProbes)")
		return
	}
	h := ex.rec.History(ex.opts.Kind, ex.s.Capacity)
	if conserve(h, ex.opts.relaxed(linearizability.Lossy)) != nil || len(ex.rec.Errors()) > 0 {
		return // fail fast: the history already fails a cheap check
	}
	gets, dones, shut := tally(h)
	ex.support = supportOf(h, ex.rec.Unsupported())
	steps := []func(){
		func() {
			if !shut && !ex.skipUnderRelaxations("get burst") {
				gets += ex.probeGets()
			}
		},
		func() {
			if !shut && !ex.skipUnderRelaxations("put burst") {
				gets += ex.probePuts()
			}
			if !shut && ex.probe.check == "" && !ex.opts.relaxed(linearizability.Lossy) {
				gets += ex.addTasks(ex.opts.BurstTasks - (gets - dones))
			}
		},
		func() {
			if !ex.skipUnderRelaxations("task accounting") {
				ex.probeTasks(ctx, gets-dones)
			}
		},
		func() {
			if !shut && !ex.skipUnderRelaxations("wake-up") {
				ex.probeWake(ctx)
			}
		},
		func() {
			if ex.probeShutdown(ctx) {
				ex.probeAfterShutdown()
			}
		},
	}
	for _, step := range steps {
		if ex.probe.check != "" {
			break
		}
		step()
	}
	ex.setStage("done")
}

// tally counts the gets and task_dones that succeeded in h, and says
// whether a shutdown did.
func tally(h history.History) (gets, dones int, shut bool) {
	for _, op := range h.Operations {
		ok := op.Output.Result == models.OK
		switch op.Input.Op {
		case models.Get, models.TryGet:
			gets += b2i(ok)
		case models.TaskDone:
			dones += b2i(ok)
		case models.Shutdown:
			shut = shut || ok
		}
	}
	return gets, dones, shut
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// drain takes every item left with try_get, recorded, by the drain
// clients together (a burst of concurrent gets on a queue with items),
// each until the queue answers empty or shut down, or it has got one more
// item than there were put steps (a queue making up items cannot keep it
// going).
func (ex *exec) drain() {
	limit := 1
	for _, c := range ex.s.Clients {
		for _, st := range c {
			limit += b2i(st.Op == models.Put || st.Op == models.TryPut)
		}
	}
	var wg sync.WaitGroup
	for i, d := range ex.drainers {
		wg.Add(1)
		sched.Go(func() {
			defer wg.Done()
			for k := range limit {
				ex.drained[i].Store(int64(k))
				if err := ex.retryTry(func() error { _, err := d.TryGet(); return err }); errors.Is(err, errors.ErrUnsupported) {
					ex.drainWithGet(d, limit)
					return
				} else if err != nil {
					return
				}
			}
		})
	}
	wg.Wait()
}

// drainWithGet drains a queue without TryGet: Get with a short deadline,
// until one finds nothing or limit items are got.
func (ex *exec) drainWithGet(q queue.Queue[int], limit int) {
	for range limit {
		ctx, cancel := ex.withWait(context.Background(), drainWait, nil)
		_, err := q.Get(ctx)
		cancel()
		if err != nil {
			return
		}
	}
}

// drainWait is how long the drain of a queue without TryGet waits for one
// more item before it takes the queue to be empty.
const drainWait = 20 * time.Millisecond

// getResult is one probe getter's result.
type getResult struct {
	v     int
	err   error
	stuck bool // blocked until the probe canceled it (see probeCalls)
}

// blockedGets starts n getters on the queue, lets them block, runs act
// and returns their results once all are back, with whether act was
// stuck (see probeCalls: a getter or act stuck was canceled, and its
// result says so). act may start more calls with goCall, each in a
// watched goroutine of its own; they are waited for with the getters.
// When act reports abort (what it probes is unsupported), the getters are
// canceled at once.
func (ex *exec) blockedGets(ctx context.Context, n int, act func(ctx context.Context, goCall func(func(context.Context))) (abort bool)) (res []getResult, actStuck bool) {
	res = make([]getResult, n)
	p := ex.newProbeCalls(ctx)
	calls := make([]*probeCall, n)
	for i := range n {
		calls[i] = p.goCall(func(ctx context.Context) { res[i].v, res[i].err = ex.q.Get(ctx) })
	}
	p.settle()
	var abort bool
	goCall := func(call func(context.Context)) { p.goCall(call) }
	actStuck = p.call(func(ctx context.Context) { abort = act(ctx, goCall) })
	if abort {
		p.cancel()
	}
	p.wait()
	for i, c := range calls {
		res[i].stuck = c.stuck.Load()
	}
	return res, actStuck
}
