package stress_test

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/fuzz"
	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/internal/impls"
	"github.com/pcqkit/pcq/property"
	"github.com/pcqkit/pcq/stress"
)

// TestNoFalseAlarmAfterSpinners is issue 14's scenario in one binary at
// GOMAXPROCS 1: a queue whose Get spins without looking at its context is
// caught by stress (fuzz, run on it next, gives no verdict: stress's
// spinners could explain its hang), and its spinning goroutines, which nothing can stop, are
// abandoned; the correct queues checked after it by every harness, with a
// watchdog far too short for a starved machine, must never be blamed:
// each verdict is a pass or no verdict (harness.ErrNoVerdict), never
// harness.ErrFailed. Once the spinners are released and gone, the same
// runs pass, a verdict (a slow run is no hang: see goroutines.Watch): the
// no-verdicts came from the spinners; and fuzz alone catches the spinning
// queue.
func TestNoFalseAlarmAfterSpinners(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	spin, release := broken.Spinner()
	defer awaitAbandoned(t, release)

	_, err := stress.Run(spin.New, harness.WithSeed(1), harness.WithCapacities(4), harness.WithWatchdog(300*time.Millisecond))
	if c, _ := harness.FailedCheck(err); c != harness.Watchdog {
		t.Fatalf("stress did not catch %s with its watchdog: %v", spin.Name, err)
	}
	err = fuzz.RunOne(spin.New, []byte("a spinning get"), harness.WithWatchdog(300*time.Millisecond))
	if !errors.Is(err, harness.ErrNoVerdict) || errors.Is(err, harness.ErrFailed) {
		t.Fatalf("fuzz on %s while stress's spinners run: %v; want no verdict, even on a broken queue", spin.Name, err)
	}
	n, earliest, ok := harness.StillRunning(harness.Epoch())
	if !ok || n == 0 || !strings.Contains(earliest.Queue, "spinGet") || earliest.Harness != harness.Stress {
		t.Fatalf("after the hang, abandoned: %d goroutines of %+v (found: %v); want the spinning Gets of stress", n, earliest, ok)
	}
	t.Logf("%d goroutines abandoned, spinning", n)

	short := harness.WithWatchdog(20 * time.Millisecond) // a hang for any run on a starved machine
	noVerdicts := 0
	verdict := func(what string, err error) {
		t.Helper()
		switch {
		case errors.Is(err, harness.ErrFailed):
			t.Errorf("%s: a false alarm on a correct queue: %v", what, err)
		case errors.Is(err, harness.ErrNoVerdict):
			noVerdicts++
			if !strings.Contains(err.Error(), "goroutines abandoned by an earlier failure (of *broken.spinGet, harness stress) are still running") {
				t.Errorf("%s: no verdict that does not say why: %v", what, err)
			}
		case err != nil:
			t.Errorf("%s: %v", what, err)
		}
	}
	for _, impl := range impls.All() {
		m := harness.WithModel(impl.Model)
		_, err := stress.Run(impl.New, m, short, harness.WithRounds(2), harness.WithOpsPerGoroutine(20))
		verdict("stress "+impl.Name, err)
		verdict("property "+impl.Name, property.Run(impl.New, m, short, harness.WithRuns(3)))
		verdict("fuzz "+impl.Name, fuzz.RunOne(impl.New, []byte("a correct queue, starved"), m, short))
	}
	t.Logf("%d of %d verdicts on correct queues were no verdict", noVerdicts, 3*len(impls.All()))

	awaitAbandoned(t, release)
	for _, impl := range impls.All() {
		m := harness.WithModel(impl.Model)
		if _, err := stress.Run(impl.New, m, short, harness.WithRounds(2), harness.WithOpsPerGoroutine(20)); err != nil {
			t.Errorf("stress %s, with no abandoned goroutine left: %v; want a pass (a verdict: the no-verdicts came from the spinners)", impl.Name, err)
		}
	}
	spin, release = broken.Spinner()
	defer awaitAbandoned(t, release)
	err = fuzz.RunOne(spin.New, []byte("a spinning get"), harness.WithWatchdog(300*time.Millisecond))
	if c, _ := harness.FailedCheck(err); c != harness.Watchdog || errors.Is(err, harness.ErrNoVerdict) {
		t.Fatalf("fuzz, alone, did not catch %s with its watchdog: %v", spin.Name, err)
	}
}

// awaitAbandoned releases the spinners and waits until every goroutine
// abandoned so far has ended.
func awaitAbandoned(t *testing.T, release func()) {
	t.Helper()
	release()
	for start := time.Now(); ; time.Sleep(10 * time.Millisecond) {
		n, _, ok := harness.StillRunning(harness.Epoch())
		if !ok {
			return
		}
		if time.Since(start) > 30*time.Second {
			t.Fatalf("%d abandoned goroutines still running 30s after the release", n)
		}
	}
}
