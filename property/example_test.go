package property_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/property"
	"github.com/pcqkit/pcq/queue"
)

// A third party checks its queue from its own test file with one call.
func ExampleCheck() {
	_ = func(t *testing.T) { // func TestMyQueue(t *testing.T) in your _test.go file
		property.Check(t, func(capacity int) queue.Queue[int] {
			return queue.NewLocked[int](capacity)
		})
	}
}

func ExampleRun() {
	err := property.Run(func(capacity int) queue.Queue[int] {
		return queue.NewLocked[int](capacity)
	}, harness.WithSeed(1), harness.WithRuns(20))
	fmt.Println(err)
	// Output: <nil>
}

// lenient is a queue whose TaskDone forgives one call too many.
type lenient struct{ queue.Queue[int] }

func (q lenient) TaskDone() error {
	if err := q.Queue.TaskDone(); !errors.Is(err, queue.ErrTaskDone) {
		return err
	}
	return nil
}

// A failure shows the shortest sequence of calls that gopter found, with
// the seed that reproduces it; it matches harness.ErrFailed and names the
// check that failed.
func ExampleRun_failure() {
	err := property.Run(func(capacity int) queue.Queue[int] {
		return lenient{queue.NewLocked[int](capacity)}
	}, harness.WithSeed(1), harness.WithCapacities(1))
	check, _ := harness.FailedCheck(err)
	fmt.Println(errors.Is(err, harness.ErrFailed), check)
	lines := strings.Split(err.Error(), "\n")
	fmt.Println(strings.Join(lines[:3], "\n"))
	// Output:
	// true sequence
	// property: commands (fifo, capacity 1) failed the sequence check after 6 passed (seed 1; re-run with harness.WithSeed(1)): minimal failing case (shrunk 0 times):
	//    1. task_done returned ok, the model says error
	//       (model state before it: [] unfinished=0 open)
}
