// Package scenario describes a concurrent run on a queue deterministically
// and executes it, recorded and checked.
//
// A [Scenario] is plain data: a capacity and, for each client (one
// goroutine), the list of [Step]s it runs — an operation with its deadline
// and the number of runtime.Gosched calls before it. It comes from a seed
// ([Generate]) or from a fuzzer's bytes ([Decode]); the same seed or bytes
// give the same scenario, so a failure replays the same operations (the
// interleaving of the goroutines is the scheduler's and can differ).
//
// [Run] executes a scenario on a fresh queue under a watchdog, drains it,
// probes its task accounting, wake-ups and shutdown, and checks the
// recorded history: cheap checks first (nothing lost, duplicated or from
// nowhere, per-producer order, task counts), then linearizability. Its
// [Outcome] says which check failed, in words.
//
// The stress and fuzz harnesses are built on this package.
package scenario

import (
	"fmt"
	"strings"
	"time"

	"github.com/pcqkit/pcq/models"
)

// Step is one operation of one client.
//
// The value put by a put or try_put is not part of the step: the executor
// gives each put a value that no other put of the run has (the recorder's
// [history.Client.NextValue]), which the checkers need.
type Step struct {
	// Op is the operation. A task_done marks one of the client's own items
	// done (an item it got and has not yet marked); a client with none
	// skips it, so that the unfinished count never drops below the queue's
	// length, which the final accounting relies on.
	Op models.Op
	// Wait bounds a blocking put, get or join: its context's deadline is
	// Wait after the call. 0 gives a context that is already done (the
	// call must still succeed when it can at once).
	Wait time.Duration
	// Immediate is shutdown's argument.
	Immediate bool
	// Yield is the number of runtime.Gosched calls made just before the
	// operation, to widen the interleavings.
	Yield int
}

// String writes the step as "put(wait=1ms)", "shutdown(immediate)",
// "try_get", with "+yield3" when it yields.
func (s Step) String() string {
	var b strings.Builder
	b.WriteString(s.Op.String())
	switch s.Op {
	case models.Put, models.Get, models.Join:
		fmt.Fprintf(&b, "(wait=%v)", s.Wait)
	case models.Shutdown:
		if s.Immediate {
			b.WriteString("(immediate)")
		} else {
			b.WriteString("(soft)")
		}
	}
	if s.Yield > 0 {
		fmt.Fprintf(&b, "+yield%d", s.Yield)
	}
	return b.String()
}

// Scenario is a concurrent run: the queue's capacity and each client's
// steps. Clients[i] runs on its own goroutine as client i of the history.
type Scenario struct {
	// Seed is the seed it was generated from (informational; 0 for a
	// decoded scenario).
	Seed int64
	// Capacity is the queue's capacity; 0: unbounded.
	Capacity int
	// Clients holds each client's steps, run in order.
	Clients [][]Step
}

// Ops returns the number of steps of all clients.
func (s Scenario) Ops() int {
	n := 0
	for _, c := range s.Clients {
		n += len(c)
	}
	return n
}

// Has reports whether some client has a step with op.
func (s Scenario) Has(op models.Op) bool {
	for _, c := range s.Clients {
		for _, st := range c {
			if st.Op == op {
				return true
			}
		}
	}
	return false
}

// String writes the scenario, one line per client.
func (s Scenario) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "scenario seed=%d capacity=%d clients=%d ops=%d\n", s.Seed, s.Capacity, len(s.Clients), s.Ops())
	for i, c := range s.Clients {
		fmt.Fprintf(&b, "  client %d:", i)
		for _, st := range c {
			b.WriteString(" ")
			b.WriteString(st.String())
		}
		b.WriteString("\n")
	}
	return b.String()
}
