package property

import (
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
)

// catchBudget bounds the search for each bug of the catch tests: Run is
// called with fresh seeds (its own budget, 100 cases a property and
// capacity, each) until it fails or catchBudget has passed. A test that
// catches its bug stops at once, so a large budget costs nothing but on a
// miss.
//
// Measured (PCQ_MEASURE_PROPERTY=30 go test -race -run TestMeasureCatch
// ./property: 30 searches a bug, each as the catch tests run it, on the
// 2-core machine at load 18-21, beside two flake gates and three builds):
// no miss; slowest catch (median) taskdone-unchecked 0.07s (0.02s),
// tryget-empty-after-shutdown 1.3s (0.4s), join-early 3.7s (1.4s),
// heap-siftup-root 4.7s (2.1s), tryput-full-before-shutdown 6.2s (1.8s),
// canceled-put-enqueues 6.3s (2.7s), stack-shrink-reverse 6.4s (2.3s),
// immediate-shutdown-count 6.8s (4.8s), ring-grow-reorder 8.5s (2.5s),
// lost-wakeup 12.3s (6.7s), get-twice 12.7s (6.6s),
// shutdown-getter-asleep 22.4s (13.1s). The budget is 100 times the
// slowest catch or more for five of them, 27 to 97 times for the others
// at that load; a larger one would not fit in the test timeout (15
// minutes). Each Run in the search is an independent trial, and every
// search caught its bug within a few of them, so a miss within 10 minutes
// (dozens to hundreds of Runs) is far rarer than the margin alone says.
const catchBudget = 10 * time.Minute

// catch runs Run on the broken queue b with fresh seeds from seed on
// until it fails or budget has passed (checked before each Run: a Run is
// never cut short); it returns the seed that failed, the number of Runs,
// how long the search took and the failure (nil: a miss).
func catch(b broken.OrderBug, seed int64, budget time.Duration, opts ...harness.Option) (failed int64, runs int, took time.Duration, err error) {
	start := time.Now()
	for i := int64(0); ; i++ {
		failed = seed + i*7919
		err = Run(b.New, append([]harness.Option{harness.WithSeed(failed), harness.WithModel(b.Kind)}, opts...)...)
		if err != nil || time.Since(start) > budget {
			return failed, int(i + 1), time.Since(start), err
		}
	}
}

// mustCatch is catch within catchBudget, failing t on a miss.
func mustCatch(t *testing.T, b broken.OrderBug, seed int64) error {
	t.Helper()
	failed, _, took, err := catch(b, seed, catchBudget)
	if err == nil {
		t.Fatalf("seeds %d on: Run passed the %v queue with the bug for %v: %s", seed, b.Kind, took.Round(time.Millisecond), b.Description)
	}
	t.Logf("seed %d: failed in %v (the search from seed %d)", failed, took.Round(time.Millisecond), seed)
	return err
}
