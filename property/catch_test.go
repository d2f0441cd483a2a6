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
// Measured (PCQ_MEASURE_PROPERTY=n go test -race -run TestMeasureCatch
// ./property: n searches a bug, each as the catch tests run it): see
// catchMeasured; the budget is at least 100 times the slowest catch.
const catchBudget = 10 * time.Minute

// catch runs Run on the broken queue b with fresh seeds from seed on
// until it fails or budget has passed; it returns the seed that failed,
// how long the search took and the failure (nil: a miss).
func catch(b broken.OrderBug, seed int64, budget time.Duration, opts ...harness.Option) (failed int64, took time.Duration, err error) {
	start := time.Now()
	for i := int64(0); ; i++ {
		failed = seed + i*7919
		err = Run(b.New, append([]harness.Option{harness.WithSeed(failed), harness.WithModel(b.Kind)}, opts...)...)
		if err != nil || time.Since(start) > budget {
			return failed, time.Since(start), err
		}
	}
}

// mustCatch is catch within catchBudget, failing t on a miss.
func mustCatch(t *testing.T, b broken.OrderBug, seed int64) error {
	t.Helper()
	failed, took, err := catch(b, seed, catchBudget)
	if err == nil {
		t.Fatalf("seeds %d on: Run passed the %v queue with the bug for %v: %s", seed, b.Kind, took.Round(time.Millisecond), b.Description)
	}
	t.Logf("seed %d: failed in %v (the search from seed %d)", failed, took.Round(time.Millisecond), seed)
	return err
}
