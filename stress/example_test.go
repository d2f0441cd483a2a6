package stress_test

import (
	"fmt"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/queue"
	"github.com/pcqkit/pcq/stress"
)

func newMyQueue(capacity int) queue.Queue[int] { return queue.NewLocked[int](capacity) }

// A third party checks its queue from its own test with one call.
func ExampleCheck() {
	_ = func(t *testing.T) {
		stress.Check(t, newMyQueue)
	}
}

// Run is the same check returning an error: here a few short rounds with a
// fixed seed.
func ExampleRun() {
	res, err := stress.Run(newMyQueue, harness.WithSeed(1), harness.WithRounds(8), harness.WithOpsPerGoroutine(40))
	fmt.Println(res.Rounds, "rounds, error:", err)
	// Output: 8 rounds, error: <nil>
}
