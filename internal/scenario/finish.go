package scenario

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
)

// probeSettle is how long the final client lets the probe's getters block
// before it puts or shuts down. A getter that is not yet blocked then is
// harmless: it finds the item, or the shutdown, at once.
const probeSettle = 2 * time.Millisecond

// probeResult is what the final probes found.
type probeResult struct {
	failure   Failure
	msg       string
	notProbed []string
}

func (ex *exec) probeFail(f Failure, format string, args ...any) {
	if ex.probe.failure == "" {
		ex.probe.failure, ex.probe.msg = f, fmt.Sprintf(format, args...)
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
	if conserve(h) != nil || len(ex.rec.Errors()) > 0 {
		return // fail fast: the history already fails a cheap check
	}
	gets, dones, shut := tally(h)
	steps := []func(){
		func() {
			if !shut {
				gets += ex.probeGets()
			}
			if !shut && ex.probe.failure == "" {
				gets += ex.addTasks(burstTasks - (gets - dones))
			}
		},
		func() { ex.probeTasks(ctx, gets-dones) },
		func() {
			if !shut {
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
		if ex.probe.failure != "" {
			break
		}
		step()
	}
	ex.setStage("done")
}

// tally counts the gets and task_dones that succeeded in h, and says
// whether a shutdown did.
func tally(h linearizability.History) (gets, dones int, shut bool) {
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
	for _, d := range ex.drainers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range limit {
				if _, err := d.TryGet(); err != nil {
					return
				}
			}
		}()
	}
	wg.Wait()
}

// getResult is one probe getter's result.
type getResult struct {
	v   int
	err error
}

// blockedGets starts n getters on the queue, each bounded by ProbeWait,
// lets them block, runs act, and returns their results once all are back.
func (ex *exec) blockedGets(ctx context.Context, n int, act func()) []getResult {
	res := make([]getResult, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			gctx, cancel := context.WithTimeout(ctx, ex.opts.ProbeWait)
			defer cancel()
			res[i].v, res[i].err = ex.q.Get(gctx)
		}()
	}
	time.Sleep(probeSettle)
	act()
	wg.Wait()
	return res
}
