package scenario

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
	"github.com/pcqkit/pcq/stress/sched"
)

// probeTasks checks the task accounting against pending, the number of
// items got and not yet marked done: a join must block, pending task_dones
// succeed and one more fails, and join then returns.
func (ex *exec) probeTasks(ctx context.Context, pending int) {
	ex.setStage(fmt.Sprintf("probing the task accounting (%d items got and not marked done)", pending))
	if u := ex.rec.Unsupported(); u[models.TaskDone] > 0 || u[models.Join] > 0 {
		ex.notProbed("task accounting: TaskDone or Join is unsupported")
		return
	}
	if pending > 0 {
		jctx, cancel := ex.withWait(ctx, time.Millisecond, nil)
		err := ex.q.Join(jctx)
		cancel()
		if unsupported(err) {
			ex.notProbed("task accounting: Join is unsupported")
			return
		}
		if err == nil {
			ex.probeFail(harness.Tasks, "Join returned nil although %d items got were not yet marked done (the clients had finished and the queue was drained)", pending)
			return
		}
	}
	k, err := ex.taskDones(pending)
	if unsupported(err) {
		ex.notProbed("task accounting: TaskDone is unsupported")
		return
	}
	if err != nil {
		ex.probeFail(harness.Tasks, "TaskDone, called %d times by %d goroutines at once (once per item got and not yet marked done), succeeded %d times and then returned %v: the unfinished count was too low",
			pending, ex.opts.Burst, k, err)
		return
	}
	if !ex.noTaskLeft() {
		return
	}
	var joinErr error
	p := ex.newProbeCalls(ctx)
	stuck := p.call(func(ctx context.Context) { joinErr = ex.q.Join(ctx) })
	p.wait()
	switch {
	case stuck:
		ex.probeFail(harness.Tasks, "Join blocked although every task was done (parked, at two looks %v apart)", ex.opts.ProbeWait)
	case joinErr != nil && !unsupported(joinErr):
		ex.probeFail(harness.Tasks, "Join returned %v although every task was done", joinErr)
	}
}

// noTaskLeft checks that TaskDone fails with ErrTaskDone once every item
// got was marked done; false means the probe ends here.
func (ex *exec) noTaskLeft() bool {
	err := ex.q.TaskDone()
	switch {
	case unsupported(err):
		ex.notProbed("task accounting: TaskDone is unsupported")
		return false
	case errors.Is(err, queue.ErrTaskDone):
		return true
	case err != nil:
		ex.probeFail(harness.Tasks, "TaskDone with every task done returned %v, want ErrTaskDone", err)
		return false
	}
	extra := 0
	for err == nil && extra < 1000 {
		extra++
		err = ex.q.TaskDone()
	}
	ex.probeFail(harness.Tasks, "after every item got was marked done, TaskDone succeeded %d more time(s) (want ErrTaskDone at once): the unfinished count was too high (items discarded by an immediate shutdown still counted, or a lost decrement)", extra)
	return false
}

// taskDones calls TaskDone n times from Burst goroutines at once (a
// burst on the unfinished count: lost updates show), and returns how many
// calls succeeded and the first error, if any.
func (ex *exec) taskDones(n int) (int, error) {
	g := ex.opts.Burst
	oks := make([]int, g)
	errs := make([]error, g)
	var wg sync.WaitGroup
	for i := range g {
		wg.Add(1)
		sched.Go(func() {
			defer wg.Done()
			for range n/g + b2i(i < n%g) {
				if errs[i] = ex.q.TaskDone(); errs[i] != nil {
					return
				}
				oks[i]++
			}
		})
	}
	wg.Wait()
	ok := 0
	for _, k := range oks {
		ok += k
	}
	return ok, errors.Join(errs...)
}

// unsupported reports whether err says that the queue does not have the
// operation.
func unsupported(err error) bool { return errors.Is(err, errors.ErrUnsupported) }
