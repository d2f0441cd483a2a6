package scenario

import (
	"context"
	"errors"
	"fmt"

	"sync/atomic"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
	"github.com/pcqkit/pcq/stress/sched"
)

// client runs one client's steps. Only its goroutine writes its fields;
// the watchdog reads pos, and under the controlled scheduler the
// cancellers read the atomic fields below (see asleep.go): no
// synchronisation between clients.
type client struct {
	ex      *exec
	c       *history.Client
	steps   []Step
	gid     int          // under the controlled scheduler, its goroutine number
	pos     atomic.Int32 // 1 + the step running; 0 before, -1 after
	pending int          // items got and not yet marked done
	skipped int          // task_done steps skipped: no item to mark
	anomaly string       // the first task_done error while pending > 0
	// Read by the cancellers (asleep.go); atomic, because a client woken
	// by a timer of an uninstrumented queue runs without the scheduler's
	// leave, and writes them while the scheduler may read.
	g        atomic.Pointer[sched.G] // under the controlled scheduler, its goroutine
	puts     atomic.Int32            // puts that succeeded
	gets     atomic.Int32            // gets that succeeded
	inPut    atomic.Bool             // a blocking put is in progress
	inGet    atomic.Bool             // a blocking get is in progress
	shutting atomic.Bool             // it has called Shutdown
}

// run runs the steps in order.
func (cl *client) run(ctx context.Context) {
	if g := sched.Self(); g != nil {
		cl.gid = g.ID()
		cl.g.Store(g)
	}
	for i, st := range cl.steps {
		cl.pos.Store(int32(i + 1))
		for range st.Yield {
			sched.Gosched()
		}
		cl.do(ctx, st)
	}
	cl.pos.Store(-1)
}

// do runs one step on the recorded queue.
func (cl *client) do(ctx context.Context, st Step) {
	c := cl.c
	switch st.Op {
	case models.Put:
		wctx, cancel := cl.ex.withWait(ctx, st.Wait, cl.asleep(models.Put))
		cl.inPut.Store(true)
		cl.put(c.Put(wctx, c.NextValue()))
		cl.inPut.Store(false)
		cancel()
	case models.TryPut:
		cl.put(c.TryPut(c.NextValue()))
	case models.Get:
		wctx, cancel := cl.ex.withWait(ctx, st.Wait, cl.asleep(models.Get))
		cl.inGet.Store(true)
		_, err := c.Get(wctx)
		cl.inGet.Store(false)
		cancel()
		cl.got(err)
	case models.TryGet:
		_, err := c.TryGet()
		cl.got(err)
	case models.Len:
		_ = c.Len()
	case models.TaskDone:
		cl.taskDone()
	case models.Join:
		wctx, cancel := cl.ex.withWait(ctx, st.Wait, nil)
		_ = c.Join(wctx)
		cancel()
	case models.Shutdown:
		cl.shutting.Store(true)
		_ = c.Shutdown(st.Immediate)
	}
}

// asleep returns the client's asleepWithWork for a call of op.
func (cl *client) asleep(op models.Op) func() string {
	return func() string { return cl.asleepWithWork(op) }
}

func (cl *client) put(err error) {
	if err == nil {
		cl.puts.Add(1)
	}
}

func (cl *client) got(err error) {
	if err == nil {
		cl.pending++
		cl.gets.Add(1)
	}
}

// taskDone marks one of the client's items done, if it has one.
func (cl *client) taskDone() {
	if cl.pending == 0 {
		cl.skipped++
		return
	}
	err := cl.c.TaskDone()
	switch {
	case err == nil:
		cl.pending--
	case errors.Is(err, queue.ErrTaskDone) && cl.anomaly == "":
		cl.anomaly = fmt.Sprintf("client %d's TaskDone returned ErrTaskDone while it held %d items it had got and not marked done: the unfinished count was too low (a lost increment?)",
			cl.c.ID(), cl.pending)
	}
}
