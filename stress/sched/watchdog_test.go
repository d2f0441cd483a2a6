package sched

import (
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestStallIsReportedNotHung: a managed goroutine that spins on a plain
// atomic without a scheduling point, while another waits at one, stops the
// run in its tracks; Test must end the process with every goroutine's
// stack, not hang. The stalling run happens in a child process.
func TestStallIsReportedNotHung(t *testing.T) {
	if os.Getenv("SCHED_STALL_CHILD") != "" {
		StallLimit = time.Second
		var flag atomic.Bool
		_, _ = Test(t, Random(1).Next(), func() {
			Go(func() { Point("set", nil); flag.Store(true) })
			for !flag.Load() { // no scheduling point: the other goroutine never runs
			}
		}, Options{})
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestStallIsReportedNotHung$")
	cmd.Env = append(os.Environ(), "SCHED_STALL_CHILD=1")
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "sched: no step for") || !strings.Contains(string(out), "watchdog_test.go") {
		t.Fatalf("the stalled child: err %v, want a crash naming the stall and the spinning line:\n%s", err, out)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Fatalf("the stall took %v to report (limit 1s)", d)
	}
}
