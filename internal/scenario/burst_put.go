package scenario

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
	"github.com/pcqkit/pcq/stress/sched"
)

// burstQuota is the most items each goroutine of a put burst puts in one
// filling: the puts that overlap are the first few, so short fillings,
// many of them, overlap most.
const burstQuota = 4

// probePuts lets Burst goroutines, started together, try_put distinct
// items into the drained queue, at most burstQuota each, until it is full
// or they are done; it then takes the items out with try_get and checks
// that every item put came out exactly once. It repeats that up to
// burstFills times, until Burst times Options.BurstItems items were put.
// Its window is the one a lock-free put has between claiming a slot and
// filling it: the goroutines start at once, so their puts overlap far more
// often than the recorded clients' do. It returns the number of items got
// (each one more unfinished task). It does not run under the controlled
// scheduler.
func (ex *exec) probePuts() int {
	if sched.Managed() {
		// The controlled scheduler explores the clients' own overlapping
		// puts; a burst would only lengthen every schedule, and dilute
		// PCT's priority changes.
		ex.notProbed("put burst: not run under the controlled scheduler (it explores the clients' overlapping puts)")
		return 0
	}
	if calls := ex.rec.Unsupported(); calls[models.TryPut] > 0 || calls[models.TryGet] > 0 {
		ex.notProbed("put burst: TryPut or TryGet is unsupported")
		return 0
	}
	ex.setStage(fmt.Sprintf("probing bursts of %d concurrent try_puts into the drained queue", ex.opts.Burst))
	got, next := 0, -20_000 // probe values are negative, recorded ones positive
	items := ex.opts.BurstItems * ex.opts.Burst
	for fill := 0; fill < burstFills && got < items; fill++ {
		quota := min(burstQuota, (items-got+ex.opts.Burst-1)/ex.opts.Burst)
		put, err := ex.burstPuts(next, quota)
		next -= quota * ex.opts.Burst
		taken := ex.tryGets(len(put) + 1) // all the burst put, and one more if any is made up
		ex.probed.Add(1)                  // the fill's calls returned: progress, for the watchdog
		got += len(taken)
		if unsupported(err) {
			ex.notProbed("put burst: TryPut is unsupported")
			return got
		}
		if err != nil {
			ex.probeFail(harness.Contract, "put burst (fill %d): try_put on the drained, open queue returned %v", fill+1, err)
			return got
		}
		if msg := compareTaken(put, [][]int{taken, nil}); msg != "" {
			ex.probeFail(harness.Conservation, "put burst (fill %d): %d goroutines put %d items into the drained queue with try_put at once, then try_get took %d: %s",
				fill+1, ex.opts.Burst, len(put), len(taken), msg)
			return got
		}
		if len(put) == 0 {
			break // nothing went in: a queue that is never open for puts
		}
	}
	return got
}

// burstPuts starts Burst goroutines together; goroutine i puts the values
// next-i, next-i-Burst, ... with try_put until the queue is full or it has
// put quota of them. It returns the values put and the first error other
// than ErrFull.
func (ex *exec) burstPuts(next, quota int) ([]int, error) {
	g := ex.opts.Burst
	put := make([][]int, g)
	errs := make([]error, g)
	var wg sync.WaitGroup
	var ready atomic.Int32
	for i := range g {
		wg.Add(1)
		sched.Go(func() {
			defer wg.Done()
			arrive(&ready, g)
			for k := range quota {
				v := next - i - k*g
				if err := ex.q.TryPut(v); err != nil {
					if !errors.Is(err, queue.ErrFull) {
						errs[i] = err
					}
					return
				}
				put[i] = append(put[i], v)
			}
		})
	}
	wg.Wait()
	var all []int
	for _, vs := range put {
		all = append(all, vs...)
	}
	return all, errors.Join(errs...)
}

// tryGets takes items with try_get until one fails, at most n: bounded,
// so that a queue that makes items up cannot keep a probe going.
func (ex *exec) tryGets(n int) []int {
	var taken []int
	for range n {
		v, err := ex.q.TryGet()
		if err != nil {
			break
		}
		taken = append(taken, v)
	}
	return taken
}

// arrive counts a goroutine in at the start of a burst and waits, spinning,
// until all g are in, so that their first calls run at once rather than
// one by one as the runtime wakes them; it yields now and then, so that at
// GOMAXPROCS=1 the others get to arrive.
func arrive(ready *atomic.Int32, g int) {
	ready.Add(1)
	for i := 1; ready.Load() < int32(g); i++ {
		if i%64 == 0 {
			runtime.Gosched()
		}
	}
}
