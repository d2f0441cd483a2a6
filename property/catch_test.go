package property

import (
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
)

// catchBudget bounds the search for each bug of the catch tests: Run is
// called with fresh seeds (its own budget, 100 cases a property and
// capacity, each) until it fails; the budget only decides whether another
// Run starts (a Run is never cut short), so its margin is counted in Runs:
// how many it lets start, over the most a catch needed. A test that
// catches its bug stops at once, so a large budget costs nothing but on a
// miss.
//
// Measured (PCQ_MEASURE_PROPERTY=5 go test -race -run TestMeasureCatch
// ./property, on the 2-core machine beside three flake gates, load 8-10,
// four times CI's): every one of 60 searches (5 a bug, 12 bugs) caught its
// bug in its first Run, as did 24 more at n=2; the slowest passing Run on
// the correct queue took 2.8 to 4.7 s by bug, so 10 minutes start 126 to
// 216 Runs: a margin of 126x to 216x. At nice 10 beside the same gates
// (starved: a Run took up to 28 s) the margin fell to 21x; a larger budget
// would not fit in the test timeout (15 minutes).
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
