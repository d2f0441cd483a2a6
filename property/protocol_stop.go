package property

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/pcqkit/pcq/internal/goroutines"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/queue"
)

// stopWithSentinels waits for the producers, then (after a join, when the
// workload says so) puts one sentinel per consumer.
func (r *runner) stopWithSentinels(producers []<-chan struct{}) error {
	for i, done := range producers {
		if err := r.await(fmt.Sprintf("producer %d finishing its puts", i), done); err != nil {
			return err
		}
	}
	if r.sc.JoinFirst && r.c.s.has(callJoin) && r.c.s.has(callTaskDone) {
		if err := r.call("join before the sentinels", r.c.q.Join); err != nil {
			return err
		}
	}
	for i := range r.sc.Consumers {
		put := func(ctx context.Context) error { return r.c.put(ctx, sentinel) }
		if err := r.call(fmt.Sprintf("put of sentinel %d", i), put); err != nil {
			return err
		}
	}
	return nil
}

// stopWithShutdown shuts the queue down once ShutdownAt items were put (or
// the producers are done), then waits for the producers to stop.
func (r *runner) stopWithShutdown(producers []<-chan struct{}) error {
	allDone := func() bool {
		for _, done := range producers {
			select {
			case <-done:
			default:
				return false
			}
		}
		return true
	}
	for ; ; time.Sleep(pollEvery) {
		if puts, _ := r.t.count(); puts >= r.sc.shutdownAt() || allDone() {
			break
		}
		if time.Now().Before(r.g.deadline) {
			continue
		}
		if dump, v := r.g.look(); v != goroutines.Waiting {
			return r.g.hangError(fmt.Sprintf("the producers did not make %d puts", r.sc.shutdownAt()), v, dump)
		}
		r.g.deadline = time.Now().Add(r.g.period)
	}
	shutdown := func(context.Context) error { return r.c.q.Shutdown(r.p.immediate) }
	if err := r.call(fmt.Sprintf("shutdown(immediate=%v)", r.p.immediate), shutdown); err != nil {
		return err
	}
	for i, done := range producers {
		if err := r.await(fmt.Sprintf("producer %d stopping after shutdown", i), done); err != nil {
			return err
		}
	}
	return nil
}

// finish checks the end state: every item processed exactly once (or
// discarded by an immediate shutdown; at most once under Lossy), Join
// returns (not checked under Lossy), the queue is empty and
// no task is left unfinished.
func (r *runner) finish() error {
	if err := r.g.err(); err != nil {
		return err
	}
	lossy := r.cfg.relaxed(linearizability.Lossy)
	if err := r.t.check(r.p.immediate || lossy); err != nil {
		return err
	}
	s := r.c.s
	if s.has(callJoin) && s.has(callTaskDone) && !lossy {
		if err := r.call("join after every consumer stopped", r.c.q.Join); err != nil {
			return err
		}
	}
	return r.call("the final checks", func(context.Context) error { return r.checkEnd() })
}

// checkEnd checks that the queue is empty, no task is left unfinished,
// and (after shutdown) puts fail.
func (r *runner) checkEnd() error {
	s, q := r.c.s, r.c.q
	wantGet := queue.ErrEmpty
	if !r.p.sentinels {
		wantGet = queue.ErrShutDown
	}
	if s.has(callTryGet) {
		if _, err := q.TryGet(); !errors.Is(err, wantGet) && !r.cfg.spuriousErr(err) {
			return fmt.Errorf("at the end, try_get returned %v, want %v", err, wantGet)
		}
	}
	if s.has(callLen) {
		if n := q.Len(); n != 0 {
			return fmt.Errorf("at the end, len returned %d, want 0", n)
		}
	}
	if s.has(callTaskDone) && !r.cfg.relaxed(linearizability.Lossy) {
		if err := q.TaskDone(); !errors.Is(err, queue.ErrTaskDone) {
			return fmt.Errorf("at the end, every task is done, but task_done returned %v, want %v", err, queue.ErrTaskDone)
		}
	}
	if !r.p.sentinels && s.has(callTryPut) {
		if err := q.TryPut(0); !errors.Is(err, queue.ErrShutDown) && !r.cfg.spuriousErr(err) {
			return fmt.Errorf("after shutdown, try_put returned %v, want %v", err, queue.ErrShutDown)
		}
	}
	return nil
}
