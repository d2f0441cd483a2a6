package stress_test

import (
	"fmt"
	"testing"

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
	res, err := stress.Run(newMyQueue, stress.WithSeed(1), stress.WithRounds(8), stress.WithOps(40))
	fmt.Println(res.Rounds, "rounds, error:", err)
	// Output: 8 rounds, error: <nil>
}
