package scenario

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/internal/goroutines"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
	"github.com/pcqkit/pcq/stress/sched"
)

// Options configure [Run]. The zero value is valid: a FIFO model, the
// auto checker and the default times.
type Options struct {
	Kind         models.Kind             // the model the queue is held to
	Checker      linearizability.Checker // linearizability.WithChecker's; the zero value is Auto
	CheckTimeout time.Duration           // porcupine's time limit; 0: none
	CheckSteps   int64                   // porcupine's work budget; default harness.DefaultCheckSteps
	// Watchdog is how often the run is looked at: a run that made no
	// progress since the last look (no step of a client, the drain or a
	// probe returned) and whose goroutines are all blocked at two looks in
	// a row, or that used Watchdog of processor time without getting
	// anywhere, is a hang (or a spin), reported with a goroutine dump; a
	// run that is merely slow is waited for. Default 10s.
	Watchdog time.Duration
	// ProbeWait is how often the final probes look at a blocking call
	// that a correct queue returns from: a call is stuck (a lost wake-up,
	// say) when it and every other call of its probe still out are parked
	// at two looks in a row, none returning in between; a call that can
	// run is waited for, however long the machine takes (see probeCalls).
	// Default 1s.
	ProbeWait time.Duration
	// Probers is the number of goroutines blocked in Get during the wake-up
	// and shutdown probes; default 6 (with 3, a fast machine sometimes let
	// each woken getter take its item before the next put, hiding a put
	// that wakes a getter only on an empty queue), negative: no such
	// probes.
	Probers int
	// Burst is the number of goroutines that drain the queue together at
	// the end (recorded) and that mark the items got done together (the
	// task probe): bursts of contention on a full queue and on the
	// unfinished count. Default 8.
	Burst int
	// BurstItems is the number of items the get burst probe takes, over
	// as many fillings of the queue as its capacity needs; default 256.
	// The put burst puts Burst times as many, at most 4 per goroutine
	// and filling, in at most 64 fillings.
	BurstItems int
	// BurstTasks is the number of unfinished tasks that the task probe's
	// burst of TaskDone calls works through (topped up by
	// [exec.addTasks]): enough for the burst to last while its goroutines
	// contend; default 2048.
	BurstTasks int
	// SkipProbes skips the final probes (a run is then several
	// milliseconds faster: for fuzzing). The history checks still run,
	// but the bugs only the probes find (lost wake-ups, shutdowns that
	// leave getters asleep, wrong task counts) go unseen.
	SkipProbes bool
	// Relaxations are the named relaxations the queue is checked under
	// (none: the strict model). Under Lossy, values put and never got are
	// counted (Outcome.Drops), not a failure; the get burst, task and
	// wake-up probes and the clients' task checks are skipped (noted in
	// NotProbed). Under SpuriousTryFailures, the final drain and the task
	// probe retry a try-operation that failed, the get burst is skipped,
	// and a shut-down queue may answer TryPut full and TryGet empty.
	Relaxations []linearizability.Relaxation
	// Harness is the harness that runs the scenario, named when [Run]
	// gives up on goroutines that a hang left running
	// ([harness.Abandon]).
	Harness harness.Harness
}

// OptionsOf returns the options of harness h's settings: its model,
// checker, time limits and relaxations.
func OptionsOf(h harness.Harness, s harness.Settings) Options {
	return Options{Kind: s.Model, Checker: s.Checker, CheckTimeout: s.CheckTimeout, CheckSteps: s.CheckSteps,
		Watchdog: s.Watchdog, ProbeWait: s.ProbeWait, Relaxations: s.Relaxations, Harness: h}
}

func (o Options) withDefaults() Options {
	if o.CheckSteps <= 0 {
		o.CheckSteps = harness.DefaultCheckSteps
	}
	if o.Watchdog <= 0 {
		o.Watchdog = 10 * time.Second
	}
	if o.ProbeWait <= 0 {
		o.ProbeWait = time.Second
	}
	if o.Probers == 0 {
		o.Probers = 6
	}
	if o.Burst <= 0 {
		o.Burst = 8
	}
	if o.BurstItems <= 0 {
		o.BurstItems = 256
	}
	if o.BurstTasks <= 0 {
		o.BurstTasks = 2048
	}
	return o
}

// watchdogGrace is how long Run waits, after a watchdog failure has shut
// the queue down immediately and canceled every call, for its goroutines.
const watchdogGrace = 2 * time.Second

// Run executes s on a fresh queue newQueue(s.Capacity) and checks it.
//
// Each client runs its steps on its own goroutine, recorded. Once all have
// finished, Burst final clients drain the queue together with try_get
// (recorded). The final client then probes the queue, unrecorded, with
// every expectation exact because nothing else runs:
//
//   - get burst: the queue is filled with try_put and emptied by Burst
//     goroutines with try_get at once, 256 items in all; each must come
//     out exactly once;
//   - put burst: Burst goroutines, started together, try_put 4 items each
//     into the drained queue, which is then emptied with try_get, 64
//     times; every item put must come out exactly once (lost slots of
//     overlapping lock-free puts); not under the controlled scheduler;
//   - task accounting: with items got and not marked done, a join must
//     block; Burst goroutines then mark them done at once, each call must
//     succeed, one more must fail with ErrTaskDone, and join must return;
//   - wake-up: getters blocked on the empty queue must all wake when as
//     many items are put;
//   - shutdown: getters blocked on the empty queue must all wake with
//     ErrShutDown when it is shut down, and every later get and put must
//     answer ErrShutDown.
//
// The history is then checked, cheap checks first: errors outside the
// contract, nothing lost, duplicated or from nowhere, per-producer order
// (FIFO), task counts, the probes; then [history.Validate] and
// [linearizability.Check]. The first failure is the outcome's.
//
// A run that does not finish within opts.Watchdog fails with a goroutine
// dump; Run then cancels every call and shuts the queue down immediately
// so that its goroutines end, and records those that do not end within
// watchdogGrace as abandoned by opts.Harness ([harness.Abandon]). Run
// never hangs; on a correct queue it leaves no goroutine behind. ctx ends the run's blocking calls early
// (they then return canceled, which is legal).
func Run(ctx context.Context, newQueue harness.Factory, s Scenario, opts Options) (o Outcome) {
	start := time.Now()
	opts = opts.withDefaults()
	o = Outcome{Seed: s.Seed, Capacity: s.Capacity}
	defer func() { o.Stats.Elapsed = time.Since(start) }()
	q, err := newQueue.New(s.Capacity)
	if err != nil {
		o.Setup = err
		return o
	}
	s.Capacity = max(q.Cap(), 0) // the model holds the queue to the capacity it has
	o.Capacity = s.Capacity
	ex := newExec(q, s, opts)
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan struct{})
	var root atomic.Int64 // the run's goroutine, whose family a hang abandons
	go func() {
		defer close(done)
		root.Store(goroutines.ID())
		ex.run(runCtx)
	}()
	if why := ex.watch(done, root.Load, opts.Watchdog); why != "" {
		o.Dump = goroutines.Dump()
		o.fail(harness.Watchdog, "%s; %s; goroutine dump follows in the report", why, ex.where())
		cancel()
		var shut atomic.Int64
		go func() { shut.Store(goroutines.ID()); _ = q.Shutdown(true) }() // may block too, on a broken queue
		select {
		case <-done:
			ex.collect(&o)
		case <-time.After(watchdogGrace):
			o.Explanation += fmt.Sprintf("; goroutines still blocked %v after cancelling every call and Shutdown(true)", watchdogGrace)
			harness.Abandon(opts.Harness, fmt.Sprintf("%T", q), goroutines.Family(root.Load(), shut.Load()))
		}
		return o
	}
	ex.collect(&o)
	ex.check(&o)
	return o
}

// exec is one execution of a scenario.
type exec struct {
	q       queue.Queue[int]
	s       Scenario
	opts    Options
	rec     *history.Recorder
	clients []*client
	// controlled: the run is under the controlled scheduler (see
	// [RunControlled]); waits are decisions, not deadlines.
	controlled bool
	drainers   []*history.Client          // the final drain's clients
	drained    []atomic.Int64             // each drainer's gets so far, for progress
	stage      atomic.Pointer[string]     // what the final client is doing
	stages     atomic.Int64               // the stages so far, for progress
	probing    atomic.Pointer[probeCalls] // the latest probe's calls, for progress
	probed     atomic.Int64               // the earlier probes' calls that returned, the bursts' fills
	probe      probeResult                // the final probes' findings
	support    map[models.Op]bool         // what the queue has, as far as known (see exec.has)
	cancellers cancellers                 // under the controlled scheduler, why they hold back
}

func newExec(q queue.Queue[int], s Scenario, opts Options, rec ...history.Option) *exec {
	ex := &exec{q: q, s: s, opts: opts, rec: history.NewRecorder(q, rec...)}
	for _, steps := range s.Clients {
		ex.clients = append(ex.clients, &client{ex: ex, c: ex.rec.Client(), steps: steps})
	}
	for range opts.Burst {
		ex.drainers = append(ex.drainers, ex.rec.Client())
	}
	ex.drained = make([]atomic.Int64, len(ex.drainers))
	ex.setStage("waiting for the clients")
	return ex
}

func (ex *exec) setStage(s string) { ex.stage.Store(&s); ex.stages.Add(1) }

// run runs the clients, then the final client.
func (ex *exec) run(ctx context.Context) {
	start := make(chan struct{})
	var wg sync.WaitGroup
	for _, c := range ex.clients {
		wg.Add(1)
		sched.Go(func() {
			defer wg.Done()
			<-start
			c.run(ctx)
		})
	}
	close(start)
	wg.Wait()
	// Under the controlled scheduler, the drain and the probes that follow
	// are checks, not interleavings to explore (a no-op otherwise).
	sched.StopExploring()
	ex.finish(ctx)
}

// where says which clients are still running, at which step, and what the
// final client is doing.
func (ex *exec) where() string {
	var busy []string
	for i, c := range ex.clients {
		if p := c.pos.Load(); p > 0 {
			busy = append(busy, fmt.Sprintf("client %d in step %d %v", i, p-1, c.steps[p-1]))
		}
	}
	if len(busy) == 0 {
		return "the clients had finished; the final client was " + *ex.stage.Load()
	}
	return "still running: " + strings.Join(busy, ", ")
}
