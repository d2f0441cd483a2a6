package harness_test

import (
	"errors"
	"fmt"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/property"
	"github.com/pcqkit/pcq/queue"
)

// An option a harness does not read is a setup error, not a failed check:
// WithGoroutines counts stress's goroutines, and property has none.
func ExampleSetupError() {
	newQueue := func(capacity int) queue.Queue[int] { return queue.NewLocked[int](capacity) }
	err := property.Run(newQueue, harness.WithGoroutines(4))
	var setup *harness.SetupError
	fmt.Println(errors.As(err, &setup), errors.Is(err, harness.ErrFailed))
	fmt.Println(err)
	// Output:
	// true false
	// property: setup: WithGoroutines is not read by property (only by stress and explore)
}
