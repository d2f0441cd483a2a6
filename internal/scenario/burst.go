package scenario

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
	"github.com/pcqkit/pcq/stress/sched"
)

// burstFills bounds the fillings of the queue that the get burst probe
// makes to take Options.BurstItems items.
const burstFills = 64

// probeGets fills the drained queue with try_put, lets Burst goroutines
// take its items with try_get at once, and checks that every item came out
// exactly once; it repeats until Options.BurstItems items were taken. It returns
// the number of items got (each one more unfinished task).
func (ex *exec) probeGets() int {
	if ex.rec.Unsupported()[models.TryGet] > 0 { // the recorded drain tried it
		ex.notProbed("get burst: TryGet is unsupported")
		return 0
	}
	ex.setStage(fmt.Sprintf("probing bursts of %d concurrent try_gets on a full queue", ex.opts.Burst))
	got, next := 0, -10_000 // probe values are negative, recorded ones positive
	for fill := 0; fill < burstFills && got < ex.opts.BurstItems; fill++ {
		var put []int
		for len(put) < ex.opts.BurstItems-got {
			err := ex.q.TryPut(next)
			if errors.Is(err, queue.ErrFull) && len(put) > 0 {
				break
			}
			if err != nil {
				ex.noteBurstPut(err)
				return got
			}
			put = append(put, next)
			next--
		}
		taken := ex.burstGets()
		ex.probed.Add(1) // the fill's calls returned: progress, for the watchdog
		got += len(put)
		if msg := compareTaken(put, taken); msg != "" {
			ex.probeFail(harness.Conservation, "get burst (fill %d): %d goroutines took the %d items of the queue with try_get at once: %s",
				fill+1, ex.opts.Burst, len(put), msg)
			return got
		}
	}
	return got
}

// noteBurstPut explains why the get burst could not fill the queue.
func (ex *exec) noteBurstPut(err error) {
	if errors.Is(err, errors.ErrUnsupported) {
		ex.notProbed("get burst: TryPut is unsupported")
		return
	}
	ex.probeFail(harness.Contract, "get burst: TryPut on the drained, open queue returned %v", err)
}

// burstGets takes the queue's items with Burst goroutines at once, each
// until try_get fails, then any left with one more try_get sequence (a
// try_get that answered empty with items queued leaves them). The
// stragglers come last, after a nil marker.
func (ex *exec) burstGets() [][]int {
	g := ex.opts.Burst
	taken := make([][]int, g+1)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range g {
		wg.Add(1)
		sched.Go(func() {
			defer wg.Done()
			<-start
			for {
				v, err := ex.q.TryGet()
				if err != nil {
					return
				}
				taken[i] = append(taken[i], v)
			}
		})
	}
	close(start)
	wg.Wait()
	taken[g] = ex.tryGets(ex.opts.BurstItems + 1)
	return taken
}

// compareTaken says how the items taken differ from those put: "" if each
// was taken exactly once by the burst.
func compareTaken(put []int, taken [][]int) string {
	count := make(map[int]int)
	for _, vs := range taken[:len(taken)-1] {
		for _, v := range vs {
			count[v]++
		}
	}
	for _, v := range taken[len(taken)-1] {
		if slices.Contains(put, v) && count[v] == 0 {
			return fmt.Sprintf("a try_get answered empty while item %d was still queued (got afterwards)", v)
		}
		count[v]++
	}
	for v, n := range count {
		switch {
		case !slices.Contains(put, v):
			return fmt.Sprintf("from nowhere: value %d was got, but the probe never put it", v)
		case n > 1:
			return fmt.Sprintf("duplicated: value %d was got %d times", v, n)
		}
	}
	for _, v := range put {
		if count[v] == 0 {
			return fmt.Sprintf("lost: value %d was put and never got", v)
		}
	}
	return ""
}

// addTasks adds n unfinished tasks to the drained, open queue by n
// try_put and try_get pairs, checking that each try_get returns the item
// just put (the only one queued). It returns the number of tasks added.
func (ex *exec) addTasks(n int) int {
	ex.setStage(fmt.Sprintf("adding %d tasks for the task probe", n))
	for i := range max(n, 0) {
		v := -100_000 - i
		if err := ex.retryTry(func() error { return ex.q.TryPut(v) }); err != nil {
			if !unsupported(err) {
				ex.probeFail(harness.Contract, "try_put on the drained, open queue returned %v", err)
			}
			return i
		}
		var got int
		err := ex.retryTry(func() (err error) { got, err = ex.takeOne(); return err })
		if err != nil || got != v {
			ex.probeFail(harness.Conservation, "try_get right after try_put(%d) on an empty queue returned %d, %v", v, got, err)
			return i + 1
		}
	}
	return max(n, 0)
}

// takeOne takes the item of a queue that holds one: with TryGet, or with
// Get where TryGet is unsupported (a Get that stays blocked is canceled,
// see probeCalls, and returns context.Canceled).
func (ex *exec) takeOne() (v int, err error) {
	v, err = ex.q.TryGet()
	if !errors.Is(err, errors.ErrUnsupported) {
		return v, err
	}
	p := ex.newProbeCalls(context.Background())
	p.call(func(ctx context.Context) { v, err = ex.q.Get(ctx) })
	p.wait()
	return v, err
}
