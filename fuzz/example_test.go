package fuzz_test

import (
	"errors"
	"fmt"

	"github.com/pcqkit/pcq/fuzz"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/queue"
)

// A fuzz target is one call in a test file (func FuzzMyQueue(f
// *testing.F) { fuzz.Check(f, newMyQueue) }); RunOne checks one input.
func ExampleRunOne() {
	newQueue := func(capacity int) queue.Queue[int] { return queue.NewLocked[int](capacity) }
	// capacity 1, two goroutines; goroutine 0: try_put, try_put; goroutine 1: get, try_get
	data := []byte{1, 1, 0x00, 0x01, 0x00, 0x01, 0x01, 0x02, 0x01, 0x03}
	fmt.Println(fuzz.RunOne(newQueue, data))

	var joinEarly broken.Bug
	for _, b := range broken.All() {
		if b.Name == "join-early" {
			joinEarly = b
		}
	}
	// capacity 0; goroutine 0: put, get, join (each waiting up to 2ms)
	data = []byte{0, 0, 0x00, 0x18, 0x00, 0x1a, 0x00, 0x1e}
	err := fuzz.RunOne(joinEarly.New, data)
	var f *fuzz.Failure
	fmt.Println(errors.As(err, &f), f.Check)
	// Output:
	// <nil>
	// true tasks
}
