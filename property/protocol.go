package property

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/prop"
	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/goroutines"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// protocol is one producer-consumer pattern run for real.
type protocol struct {
	name      string
	immediate bool // shutdown protocols: Shutdown(true)
	sentinels bool // stop the consumers with sentinels, not Shutdown
}

var protocols = []protocol{
	{name: "sentinels", sentinels: true},
	{name: "shutdown"},
	{name: "shutdown-immediate", immediate: true},
}

// needs says why p cannot run on a queue of kind with support s ("" if it
// can).
func (p protocol) needs(kind models.Kind, s support) string {
	joins := s.has(callJoin) && s.has(callTaskDone)
	switch {
	case !s.has(callPut) && !s.has(callTryPut):
		return "the queue supports neither put nor try_put"
	case !s.has(callGet) && !s.has(callTryGet):
		return "the queue supports neither get nor try_get"
	case p.sentinels && kind != models.FIFO && !joins:
		return "a LIFO or priority queue hands out the sentinels first unless the main goroutine joins first, and the queue does not support join and task_done"
	case p.sentinels:
		return ""
	case p.immediate && !s.has(callImmediate), !p.immediate && !s.has(callShutdown):
		return "the queue does not support its shutdown"
	}
	return ""
}

// stats counts what the workloads of one protocol did, for the log.
type stats struct {
	workloads, puts, discarded atomic.Int64
	// hung is set once a workload hung: the shrinking that follows uses a
	// shorter watchdog, as each of its attempts that hangs costs one.
	hung atomic.Bool
}

func (st *stats) String() string {
	return fmt.Sprintf("%d workloads, %d items put, %d discarded by shutdown",
		st.workloads.Load(), st.puts.Load(), st.discarded.Load())
}

// protocolProp is the property that every workload of p runs correctly.
func protocolProp(p protocol, newQueue harness.Factory, spec models.Spec, s support, cfg *config, st *stats) gopter.Prop {
	return prop.ForAll(func(sc workload) *gopter.PropResult {
		if err := runWorkload(p, sc, newQueue, spec, s, cfg, st); err != nil {
			return &gopter.PropResult{Status: gopter.PropFalse,
				Labels: []string{fmt.Sprintf("  workload: %s\n  %v", sc.describe(p), err)}}
		}
		return &gopter.PropResult{Status: gopter.PropTrue}
	}, genScenario(spec.Kind))
}

// runWorkload runs one workload on a fresh queue under a watchdog.
func runWorkload(p protocol, sc workload, newQueue harness.Factory, spec models.Spec, s support, cfg *config, st *stats) error {
	q, err := newQueue.New(spec.Capacity)
	if err != nil {
		return err
	}
	defer shutdownQuietly(q)
	watchdog := cfg.Watchdog
	if st.hung.Load() {
		watchdog /= 4
	}
	g := newGroup(watchdog)
	r := &runner{p: p, sc: sc, c: client{q, s}, g: g, t: newTally(), cfg: cfg}
	g.progress = func() int { puts, gets := r.t.count(); return puts + gets }
	err = r.run()
	stop := g.stop()
	if stop != nil {
		harness.Abandon(harness.Property, fmt.Sprintf("%T", q), goroutines.Family(g.started()...))
		cfg.timed.Add(1)
	}
	if err == nil {
		err = stop
	}
	if bad := r.t.check(true); err != nil && bad != nil {
		err = fmt.Errorf("%w\n  and %v", err, bad) // duplicates tell more than their symptom
	}
	if errors.Is(err, errHang) {
		st.hung.Store(true)
		cfg.timed.Add(1)
	}
	puts, gets := r.t.count()
	st.workloads.Add(1)
	st.puts.Add(int64(puts))
	if p.immediate && err == nil {
		st.discarded.Add(int64(puts - gets))
	}
	return err
}

// runner is one workload being run.
type runner struct {
	p   protocol
	sc  workload
	c   client
	g   *group
	t   *tally
	cfg *config
}

func (r *runner) run() error {
	consumers := make([]<-chan struct{}, r.sc.Consumers)
	for i := range consumers {
		consumers[i] = r.g.goDone(func(ctx context.Context) { r.consume(ctx, i) })
	}
	producers := make([]<-chan struct{}, r.sc.Producers)
	for i := range producers {
		producers[i] = r.g.goDone(func(ctx context.Context) { r.produce(ctx, i) })
	}
	var err error
	if r.p.sentinels {
		err = r.stopWithSentinels(producers)
	} else {
		err = r.stopWithShutdown(producers)
	}
	for i, done := range consumers {
		if err != nil {
			break
		}
		err = r.await(fmt.Sprintf("consumer %d stopping", i), done)
	}
	if err == nil {
		err = r.finish()
	}
	return err
}

// await is group.await, preferring an error a goroutine reported.
func (r *runner) await(what string, done <-chan struct{}) error {
	err := r.g.await(what, done)
	if first := r.g.err(); first != nil {
		return first
	}
	return err
}

// call is group.call, preferring an error a goroutine reported.
func (r *runner) call(what string, f func(ctx context.Context) error) error {
	err := r.g.call(what, f)
	if first := r.g.err(); first != nil {
		return first
	}
	return err
}

func (r *runner) produce(ctx context.Context, id int) {
	for i := range r.sc.Items {
		v := id*100 + i
		err := r.c.put(ctx, v)
		if !r.p.sentinels && errors.Is(err, queue.ErrShutDown) {
			return
		}
		if err != nil {
			r.g.fail("producer %d: put(%d) returned %v", id, v, err)
			return
		}
		r.t.didPut(v)
	}
}

func (r *runner) consume(ctx context.Context, id int) {
	for {
		v, err := r.c.get(ctx)
		switch {
		case !r.p.sentinels && errors.Is(err, queue.ErrShutDown):
			return
		case err != nil && r.p.sentinels:
			r.g.fail("consumer %d: get returned %v before its sentinel", id, err)
			return
		case err != nil:
			r.g.fail("consumer %d: get returned %v before shutdown", id, err)
			return
		}
		if v != sentinel {
			r.t.didGet(v)
		}
		if r.c.s.has(callTaskDone) {
			if err := r.c.q.TaskDone(); err != nil {
				r.g.fail("consumer %d: task_done after getting %d returned %v", id, v, err)
				return
			}
		}
		if v == sentinel {
			return
		}
	}
}
