// Package impls is the one list of the kit's queue implementations, as
// the harnesses' tests, the benchmarks and the pcq command choose them:
// each with its name, the model it is held to, the capacities it takes
// and a [harness.Factory].
package impls

import (
	"cmp"
	"strings"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// Impl is one of the kit's queue implementations.
type Impl struct {
	Name  string      // "locked", as the pcq command's -impl flag takes it
	Model models.Kind // the order it hands items out in
	// Bounded and Unbounded say which capacities it takes: >= 1, 0.
	Bounded, Unbounded bool
	// New makes it for a capacity. A bounded-only one panics on 0; an
	// unbounded-only one makes an unbounded queue whatever it is asked.
	New harness.Factory
}

// All returns every implementation, in a fixed order.
func All() []Impl {
	return []Impl{
		{"locked", models.FIFO, true, true, func(c int) queue.Queue[int] { return queue.NewLocked[int](c) }},
		{"chan", models.FIFO, true, false, func(c int) queue.Queue[int] { return queue.NewChan[int](c) }},
		{"ring", models.FIFO, true, false, func(c int) queue.Queue[int] { return queue.NewRing[int](c) }},
		{"linked", models.FIFO, false, true, func(int) queue.Queue[int] { return queue.NewLinked[int]() }},
		{"lifo", models.LIFO, true, true, func(c int) queue.Queue[int] { return queue.NewLIFO[int](c) }},
		{"priority", models.Priority, true, true, func(c int) queue.Queue[int] { return queue.NewPriority(c, cmp.Compare[int]) }},
	}
}

// Names returns the implementations' names, comma-separated.
func Names() string {
	all := All()
	names := make([]string, len(all))
	for i, m := range all {
		names[i] = m.Name
	}
	return strings.Join(names, ",")
}
