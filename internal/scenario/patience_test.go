package scenario

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// spin keeps the calling goroutine running (never parked) for d, as a
// goroutine that the machine starves of processors: able to run, not
// running much.
func spin(d time.Duration) {
	for end := time.Now().Add(d); time.Now().Before(end); {
	}
}

// starved is a correct queue whose Gets behave as if the machine starved
// them: each spins for delay before it looks at the queue, then answers
// an expired deadline first (as a select with two ready cases may).
type starved struct {
	queue.Queue[int]
	delay time.Duration
}

func (s starved) Get(ctx context.Context) (int, error) {
	spin(s.delay)
	if err := ctx.Err(); err == context.DeadlineExceeded {
		return 0, err
	}
	return s.Queue.Get(ctx)
}

// TestProbesWaitForStarvedGetters: getters that take five times
// ProbeWait to come back, but can run all along, are a loaded machine,
// not a lost wake-up (a deadline of ProbeWait on each Get made this a
// false alarm).
func TestProbesWaitForStarvedGetters(t *testing.T) {
	const wait = 20 * time.Millisecond
	newQueue := func(c int) queue.Queue[int] { return starved{locked(c), 5 * wait} }
	s := Scenario{Capacity: 2, Clients: [][]Step{{{Op: models.Put}, {Op: models.TryGet}}}}
	o := Run(context.Background(), newQueue, s, Options{ProbeWait: wait, Probers: 2})
	if !o.Passed() {
		t.Fatalf("a correct queue whose getters were slow to run failed: %s: %s", o.Check, o.Explanation)
	}
}

// slowPuts is a correct queue whose TryPut takes d, sleeping, when a
// client calls it (the clients put positive values, the probes negative).
type slowPuts struct {
	queue.Queue[int]
	d time.Duration
}

func (s slowPuts) TryPut(v int) error {
	if v > 0 {
		time.Sleep(s.d)
	}
	return s.Queue.TryPut(v)
}

// TestWatchdogWaitsForProgress: a run four times longer than the
// watchdog, that completes a step every third of it, is slow, not hung.
func TestWatchdogWaitsForProgress(t *testing.T) {
	const watchdog = 150 * time.Millisecond
	newQueue := func(c int) queue.Queue[int] { return slowPuts{locked(c), watchdog / 3} }
	steps := make([]Step, 12)
	for i := range steps {
		steps[i] = Step{Op: models.TryPut}
	}
	s := Scenario{Clients: [][]Step{steps}}
	o := Run(context.Background(), newQueue, s, Options{Watchdog: watchdog, Probers: -1})
	if !o.Passed() {
		t.Fatalf("a slow but progressing run failed: %s: %s", o.Check, o.Explanation)
	}
	if o.Stats.Elapsed < 3*watchdog {
		t.Fatalf("the run took %v: the test did not outlast the watchdog", o.Stats.Elapsed)
	}
}

// spinning is a queue whose Get spins, ignoring its context, until
// Shutdown(true).
type spinning struct {
	queue.Queue[int]
	release *atomic.Bool
}

func (s spinning) Get(context.Context) (int, error) {
	for !s.release.Load() {
	}
	return 0, queue.ErrShutDown
}

func (s spinning) Shutdown(immediate bool) error {
	s.release.Store(immediate || s.release.Load())
	return s.Queue.Shutdown(immediate)
}

// TestWatchdogCatchesSpin: a Get that spins makes no progress, so the
// watchdog calls it a hang although its goroutine can always run.
func TestWatchdogCatchesSpin(t *testing.T) {
	newQueue := func(c int) queue.Queue[int] { return spinning{locked(c), new(atomic.Bool)} }
	s := Scenario{Clients: [][]Step{{{Op: models.TryPut}, {Op: models.Get, Wait: time.Millisecond}}}}
	o := Run(context.Background(), newQueue, s, Options{Watchdog: 100 * time.Millisecond})
	if o.Check != harness.Watchdog || !strings.Contains(o.Explanation, "client 0 in step 1 get") {
		t.Fatalf("failure %q (%s); want a watchdog failure in client 0's get", o.Check, o.Explanation)
	}
}
