package scenario

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/internal/catchrate"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

func locked(c int) queue.Queue[int] { return queue.NewLocked[int](c) }

func TestRunPasses(t *testing.T) {
	configs := []Config{
		{Clients: 4, Steps: 60, Capacity: 0, Mix: Basic, MaxYield: 4},
		{Clients: 4, Steps: 60, Capacity: 1, Mix: Basic},
		{Clients: 5, Steps: 12, Capacity: 3, Mix: Full, Shutdown: Soft, MaxYield: 4},
		{Clients: 5, Steps: 12, Capacity: 0, Mix: Full, Shutdown: Immediate, MaxYield: 4},
	}
	for seed := range uint64(8) {
		c := configs[seed%uint64(len(configs))]
		s := gen(seed, c)
		o := Run(context.Background(), locked, s, Options{})
		if !o.Passed() {
			t.Fatalf("seed %d: a correct queue failed: %v\n%v", seed, o.Err(), s)
		}
		st := o.Stats
		if st.PutsOK != st.GetsOK+st.Discarded || st.Ops != len(o.History.Operations) || st.Ops+st.Skipped < s.Ops() {
			t.Fatalf("seed %d: inconsistent stats %+v for %d steps", seed, st, s.Ops())
		}
		if c.Shutdown == Soft && st.Discarded != 0 {
			t.Fatalf("seed %d: %d items discarded without an immediate shutdown", seed, st.Discarded)
		}
	}
}

// TestRunCatches runs one-client scenarios on broken queues whose bug the
// final probes find, and checks the failure. Every bug but lost-wakeup
// shows whatever the interleaving. Lost-wakeup shows only if the wake-up
// probe's puts run back to back: a putter descheduled between two puts (a
// loaded machine; at GOMAXPROCS=1 the runtime then preempts it) lets the
// woken getter take its item first, and the next put finds the queue
// empty again (a flake gate at GOMAXPROCS=1 found that miss once). So
// each case gets up to wakeRuns runs.
func TestRunCatches(t *testing.T) {
	for name, tt := range catchCases() {
		b := bugNamed(t, name)
		o, runs := catchRun(b, tt.steps, wakeRuns)
		if o.Check != tt.want {
			t.Errorf("%s: failure %q (%s) in %d runs, want %q", b.Name, o.Check, o.Explanation, runs, tt.want)
		}
	}
}

// wakeRuns bounds each case of TestRunCatches. Measured
// (GOMAXPROCS=1 PCQ_MEASURE_WAKE=200 go test -race -run TestMeasureWake
// ./internal/scenario, beside a flake gate, load 3-4): no miss in 200
// searches, a catch in the first run mostly, 2 runs at most. The budget
// is 100 times that; a run takes about 0.3 s, and a catch stops at once.
const wakeRuns = 200

// catchCase is a one-client scenario's steps and the check it must fail.
type catchCase struct {
	steps []Step
	want  harness.Check
}

// catchCases are TestRunCatches's cases, by bug.
func catchCases() map[string]catchCase {
	put, get := Step{Op: models.Put}, Step{Op: models.TryGet}
	return map[string]catchCase{
		"join-early":                  {[]Step{put, put, get}, harness.Tasks},
		"taskdone-unchecked":          {[]Step{put, get}, harness.Tasks},
		"tryget-empty-after-shutdown": {[]Step{put}, harness.Shutdown},
		"lost-wakeup":                 {nil, harness.Liveness},
		"shutdown-getter-asleep":      {nil, harness.Liveness},
		"immediate-shutdown-count":    {[]Step{put, put, {Op: models.Shutdown, Immediate: true}}, harness.Tasks},
	}
}

// bugNamed returns the broken queue named name.
func bugNamed(t testing.TB, name string) broken.Bug {
	for _, b := range broken.All() {
		if b.Name == name {
			return b
		}
	}
	t.Fatalf("no %s in internal/broken", name)
	return broken.Bug{}
}

// catchRun runs the one-client scenario of steps on b until it fails, at
// most maxRuns times; it returns the last outcome and the runs made.
func catchRun(b broken.Bug, steps []Step, maxRuns int) (Outcome, int) {
	s := Scenario{Capacity: 4, Clients: [][]Step{steps}}
	for runs := 1; ; runs++ {
		o := Run(context.Background(), b.New, s, Options{ProbeWait: 100 * time.Millisecond})
		if !o.Passed() || runs == maxRuns {
			return o, runs
		}
	}
}

// hang is a queue whose Get ignores its context and blocks until
// Shutdown(true): a hang for the watchdog.
type hang struct {
	queue.Queue[int]
	release chan struct{}
}

func (h *hang) Get(context.Context) (int, error) {
	<-h.release
	return 0, queue.ErrShutDown
}

func (h *hang) Shutdown(immediate bool) error {
	if immediate {
		select {
		case <-h.release:
		default:
			close(h.release)
		}
	}
	return h.Queue.Shutdown(immediate)
}

func TestRunWatchdog(t *testing.T) {
	newHang := func(c int) queue.Queue[int] { return &hang{Queue: locked(c), release: make(chan struct{})} }
	s := Scenario{Clients: [][]Step{{{Op: models.TryPut}, {Op: models.Get, Wait: time.Millisecond}}}}
	start := time.Now()
	o := Run(context.Background(), newHang, s, Options{Watchdog: 100 * time.Millisecond})
	if o.Check != harness.Watchdog || !strings.Contains(o.Dump, "goroutine") {
		t.Fatalf("failure %q (%s), dump %d bytes; want a watchdog failure with a dump", o.Check, o.Explanation, len(o.Dump))
	}
	if !strings.Contains(o.Explanation, "client 0 in step 1 get") {
		t.Errorf("explanation %q does not say where the run hung", o.Explanation)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Run took %v after a 100ms watchdog", d)
	}
}

func TestRunSetup(t *testing.T) {
	for name, nq := range map[string]harness.Factory{
		"panics": func(int) queue.Queue[int] { panic("no") },
		"nil":    func(int) queue.Queue[int] { return nil },
	} {
		o := Run(context.Background(), nq, Scenario{Capacity: 2, Clients: [][]Step{{}}}, Options{})
		if o.Setup == nil || o.Err() != o.Setup || errors.Is(o.Err(), harness.ErrFailed) {
			t.Errorf("%s: setup %v, err %v; want a setup error that is not a failure", name, o.Setup, o.Err())
		}
	}
}

func TestRunHoldsQueueToItsCap(t *testing.T) {
	// Asked for capacity 2, the queue is unbounded: it is held to Cap() 0,
	// and passes as the unbounded queue it is.
	s := gen(5, Config{Clients: 3, Steps: 20, Mix: Basic})
	s.Capacity = 2
	o := Run(context.Background(), func(int) queue.Queue[int] { return locked(0) }, s, Options{})
	if !o.Passed() || o.Capacity != 0 {
		t.Fatalf("outcome %q (capacity %d): %s", o.Check, o.Capacity, o.Explanation)
	}
}

// partial is a queue without Len, TaskDone and Join.
type partial struct{ queue.Queue[int] }

func (partial) Len() int                   { return -1 }
func (partial) TaskDone() error            { return errors.ErrUnsupported }
func (partial) Join(context.Context) error { return errors.ErrUnsupported }

func TestRunUnsupported(t *testing.T) {
	s := gen(3, Config{Clients: 3, Steps: 20, Mix: Full, MaxYield: 2})
	o := Run(context.Background(), func(c int) queue.Queue[int] { return partial{locked(c)} }, s, Options{})
	if !o.Passed() {
		t.Fatalf("a correct queue without len, task_done and join failed: %v", o.Err())
	}
	if o.Unsupported[models.Len] == 0 || o.Unsupported[models.Join] == 0 || len(o.NotProbed) == 0 {
		t.Fatalf("Unsupported %v, NotProbed %q: want len and join counted and the task probe skipped", o.Unsupported, o.NotProbed)
	}
}

// noShutdown is a queue without Shutdown, like a plain channel.
type noShutdown struct{ queue.Queue[int] }

func (noShutdown) Shutdown(bool) error { return errors.ErrUnsupported }

func TestRunWithoutShutdownIsNotProbedForIt(t *testing.T) {
	s := gen(9, Config{Clients: 3, Steps: 20, Mix: Basic})
	o := Run(context.Background(), func(c int) queue.Queue[int] { return noShutdown{locked(c)} }, s, Options{})
	if !o.Passed() {
		t.Fatalf("a correct queue without Shutdown failed: %s: %s", o.Check, o.Explanation)
	}
	if !strings.Contains(strings.Join(o.NotProbed, ";"), "Shutdown is unsupported") {
		t.Errorf("NotProbed %v does not say that shutdown was not probed", o.NotProbed)
	}
}

// noTryGet is a queue without TryGet, like a ring with only a timed poll.
type noTryGet struct{ queue.Queue[int] }

func (noTryGet) TryGet() (int, error) { return 0, errors.ErrUnsupported }

func TestRunDrainsQueueWithoutTryGet(t *testing.T) {
	s := gen(11, Config{Clients: 3, Steps: 20, Mix: Basic})
	o := Run(context.Background(), func(c int) queue.Queue[int] { return noTryGet{locked(c)} }, s, Options{})
	if !o.Passed() {
		t.Fatalf("a correct queue without TryGet failed: %s: %s", o.Check, o.Explanation)
	}
}

func TestRunWithoutShutdownDoesNotWaitOutTheProbe(t *testing.T) {
	s := gen(9, Config{Clients: 2, Steps: 6, Mix: Basic})
	start := time.Now()
	o := Run(context.Background(), func(c int) queue.Queue[int] { return noShutdown{locked(c)} }, s, Options{ProbeWait: 30 * time.Second})
	if !o.Passed() {
		t.Fatalf("failed: %s: %s", o.Check, o.Explanation)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("Run took %v: the shutdown probe waited out ProbeWait although Shutdown is unsupported", d)
	}
}

// TestMeasureWake measures what TestRunCatches's lost-wakeup case relies
// on: PCQ_MEASURE_WAKE=n runs its scenario n times and logs the runs each
// catch needed. Skipped otherwise; run it under -race, at GOMAXPROCS=1
// and beside other work, where the probe's putter is most often
// descheduled between two puts.
func TestMeasureWake(t *testing.T) {
	n := catchrate.Runs(t, "PCQ_MEASURE_WAKE")
	b := bugNamed(t, "lost-wakeup")
	var tally catchrate.Trials
	for range n {
		if o, runs := catchRun(b, nil, wakeRuns); o.Passed() {
			tally.Missed()
		} else {
			tally.Caught(runs)
		}
	}
	t.Logf("%s", tally.ReportRuns(wakeRuns))
}
