package broken

import (
	"context"
	"sync/atomic"

	"github.com/pcqkit/pcq/queue"
)

// Spinner returns a bug whose goroutines a harness cannot stop, and
// release, which ends them: every Get of its queues that is spinning, or
// will spin, then returns.
//
// The bug: on an empty queue, Get polls TryGet in a loop until an item
// comes, looking neither at its context nor at a shutdown (a "lock-free"
// ring's Get that spins). A Get that the harness bounded by a deadline
// never returns, and keeps a processor busy for as long as the process
// lives: Go cannot kill a goroutine.
//
// It is not in [All]: each harness that catches it abandons goroutines
// that spin until released, starving every later test of the binary. Its
// tests release it, once they have checked that a harness caught it and
// that no later verdict blamed a correct queue for the starvation.
//
// Caught by: stress and fuzz (the watchdog). Property reports it as a
// setup error: its probe of the supported calls never returns from Get.
func Spinner() (b Bug, release func()) {
	released := new(atomic.Bool)
	b = Bug{Name: "spinning-get",
		Description: "Get on an empty queue spins until an item comes, looking neither at its context nor at a shutdown",
		New: func(capacity int) queue.Queue[int] {
			return &spinGet{base: newBase(capacity), released: released}
		},
		Catches: stressFuzz}
	return b, func() { released.Store(true) }
}

// spinGet is the correct queue with a Get that spins.
type spinGet struct {
	*base
	released *atomic.Bool
}

// Get polls TryGet until it gets an item. BUG: it must wait on the
// condition, and return ctx.Err() when ctx ends and ErrShutDown when the
// queue is shut down.
func (q *spinGet) Get(ctx context.Context) (int, error) {
	for {
		v, err := q.TryGet()
		if err == nil {
			return v, nil
		}
		if q.released.Load() { // the test's way out, not the queue's
			return 0, queue.ErrShutDown
		}
	}
}
