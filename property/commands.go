package property

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/commands"
	"github.com/leanovate/gopter/gen"
	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/goroutines"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// system is the queue under test with its shadow: the model state that a
// correct queue would be in after the calls so far.
type system struct {
	q      queue.Queue[int]
	spec   models.Spec
	st     models.State
	cfg    *config
	trace  []string // one line per call made
	failed bool     // after the first difference, calls are skipped
	wedged bool     // a call never returned: the queue is left alone
}

// step runs c on the queue and on the model and returns nil when they
// agree, else an error that shows the calls so far.
func (s *system) step(c call) error {
	if s.failed {
		return nil
	}
	want, next, blocks := s.spec.Predict(s.st, c.in)
	a := s.run(c, blocks)
	if a.bad == nil && a.out != want && s.cfg.spuriousTry(c.in, a.out) {
		s.trace = append(s.trace, fmt.Sprintf("%s → %s (spurious: no effect)", c, describe(c.in, a.out)))
		return nil
	}
	if a.bad == nil {
		a.bad = judge(c, a.out, a.err, want, blocks, s.cfg)
	}
	if a.bad != nil {
		if s.wedged || (!blocks && !c.expired && a.out.Result == models.Canceled) {
			s.cfg.timed.Add(1) // did not return, or not in time
		}
		return s.fail(c, a.bad)
	}
	s.trace = append(s.trace, fmt.Sprintf("%s → %s", c, describe(c.in, a.out)))
	if !blocks {
		s.st = next
	}
	return nil
}

// answer is what a call returned (out, err), or why it failed at once (bad:
// a panic, a call that never returned).
type answer struct {
	out      models.Output
	err, bad error
}

// run makes the call in a goroutine, so that a call that never returns (a
// deadlock, a wait that ignores its context) is a failure, not a stuck
// test; the queue is then wedged and no longer used.
func (s *system) run(c call, blocks bool) answer {
	ctx, cancel := c.context(s.cfg, blocks)
	defer cancel()
	done := make(chan answer, 1)
	var id atomic.Int64
	go func() {
		id.Store(goroutines.ID())
		var a answer
		defer func() {
			if r := recover(); r != nil {
				a.bad = fmt.Errorf("panicked: %v", r)
			}
			done <- a
		}()
		a.out, a.err = c.run(s.q, ctx)
	}()
	a, waited, v := watch(done, &id, s.cfg.BlockWait+2*s.cfg.proceed)
	if v == goroutines.Waiting {
		return a
	}
	s.wedged = true
	harness.Abandon(harness.Property, fmt.Sprintf("%T", s.q), goroutines.Family(id.Load()))
	why := "it takes no context: a deadlock?"
	switch {
	case v == goroutines.Spinning:
		why = "it kept running without returning: a spin?"
	case blocking(c.in.Op):
		why = fmt.Sprintf("its context ended after %v", ctxLength(c, blocks, s.cfg))
	}
	return answer{bad: fmt.Errorf("did not return within %v (%s, %v):\n%s",
		waited.Round(time.Millisecond), why, v, goroutines.Stacks()[id.Load()])}
}

// watch waits for the call's answer, looking at the call's goroutine (id)
// and those it started every period; it returns goroutines.Waiting with
// the answer, or the verdict that ended the wait: the goroutines were
// seen blocked twice, a period apart (Hung), or they used patience periods
// of processor time without returning (Spinning). A call that waits for a processor on a
// loaded machine is waited for.
func watch(done <-chan answer, id *atomic.Int64, period time.Duration) (answer, time.Duration, goroutines.Verdict) {
	w := goroutines.NewWatch(patience * period)
	for start := time.Now(); ; {
		select {
		case a := <-done:
			return a, time.Since(start), goroutines.Waiting
		case <-time.After(period):
		}
		if id.Load() == 0 {
			w.Progress() // not started yet
			continue
		}
		if v := w.LookFamily(id.Load()); v != goroutines.Waiting {
			return answer{}, time.Since(start), v
		}
	}
}

// fail records the first difference and returns it with the trace.
func (s *system) fail(c call, why error) error {
	s.failed = true
	var b strings.Builder
	for i, line := range s.trace {
		fmt.Fprintf(&b, "  %2d. %s\n", i+1, line)
	}
	fmt.Fprintf(&b, "  %2d. %s %v\n", len(s.trace)+1, c, why)
	fmt.Fprintf(&b, "      (model state before it: %v)", s.st)
	return fmt.Errorf("%s", b.String())
}

// command adapts a call to gopter's commands.Command. The model state lives
// in the system, so gopter's state is only the Spec.
type command struct{ call }

func (c command) Run(sut commands.SystemUnderTest) commands.Result {
	return sut.(*system).step(c.call)
}

func (c command) NextState(st commands.State) commands.State { return st }
func (c command) PreCondition(commands.State) bool           { return true }

func (c command) PostCondition(_ commands.State, r commands.Result) *gopter.PropResult {
	if err, _ := r.(error); err != nil {
		return &gopter.PropResult{Status: gopter.PropFalse, Labels: []string{err.Error()}}
	}
	return &gopter.PropResult{Status: gopter.PropTrue}
}

// genCommand returns the generator of calls, weighted, without the calls
// the queue does not support.
func genCommand(s support) gopter.Gen {
	value := gen.IntRange(0, 99)
	one := func(op models.Op, imm bool) gopter.Gen {
		return gen.Bool().Map(func(expired bool) commands.Command {
			return command{call{in: models.Input{Op: op, Immediate: imm}, expired: expired}}
		})
	}
	put := func(op models.Op) gopter.Gen {
		return gopter.CombineGens(value, gen.Bool()).Map(func(v []any) commands.Command {
			return command{call{in: models.Input{Op: op, Value: int64(v[0].(int))}, expired: v[1].(bool)}}
		})
	}
	all := []struct {
		name   string
		weight int
		gen    gopter.Gen
	}{
		{callPut, 4, put(models.Put)},
		{callTryPut, 4, put(models.TryPut)},
		{callGet, 3, one(models.Get, false)},
		{callTryGet, 3, one(models.TryGet, false)},
		{callLen, 1, one(models.Len, false)},
		{callTaskDone, 3, one(models.TaskDone, false)},
		{callJoin, 1, one(models.Join, false)},
		{callShutdown, 1, one(models.Shutdown, false)},
		{callImmediate, 1, one(models.Shutdown, true)},
	}
	var ws []gen.WeightedGen
	for _, c := range all {
		if s.has(c.name) {
			ws = append(ws, gen.WeightedGen{Weight: c.weight, Gen: c.gen})
		}
	}
	return gen.Weighted(ws)
}

// commandsProp is the stateful property of one capacity: every random
// sequence of calls answers as the model predicts.
func commandsProp(newQueue harness.Factory, spec models.Spec, s support, cfg *config) gopter.Prop {
	cmds := &commands.ProtoCommands{
		NewSystemUnderTestFunc: func(commands.State) commands.SystemUnderTest {
			q, err := newQueue.New(spec.Capacity)
			if err != nil {
				panic(err) // checked by capacities; gopter reports it
			}
			return &system{q: q, spec: spec, st: spec.Init(), cfg: cfg}
		},
		DestroySystemUnderTestFunc: func(sut commands.SystemUnderTest) {
			if sys := sut.(*system); s.has(callImmediate) && !sys.wedged {
				shutdownQuietly(sut.(*system).q)
			}
		},
		InitialStateGen: gen.Const(spec),
		GenCommandFunc:  func(commands.State) gopter.Gen { return genCommand(s) },
	}
	return commands.Prop(cmds)
}
