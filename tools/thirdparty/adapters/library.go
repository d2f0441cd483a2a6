package adapters

import (
	"slices"
	"strings"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
)

// Library describes one adapted queue: where it comes from, what it is, and
// how to make one.
type Library struct {
	// Name is the short name used in tables and on the command line.
	Name string
	// Module and Version are the Go module and the exact version adapted
	// (the one in this module's go.mod; a test keeps them in step).
	Module, Version string
	// Packages are the import paths of the library's packages that the
	// adapter calls: what the controlled scheduler instruments
	// (harness.WithInstrument) besides the adapter's own package. None
	// for Go's channel.
	Packages []string
	// Type says what the library is: lock-free MPMC ring, blocking queue...
	Type string
	// Notes holds the adapter's choices and what is known about the
	// library (upstream issues, documented limits).
	Notes string
	// Capacity is the capacity that harnesses should ask for by default;
	// 0 means the queue is unbounded and New ignores its argument.
	Capacity int
	// New makes an empty queue; see the package comment for capacity.
	New harness.Factory
	// Model is the order the library promises: models.FIFO (the zero
	// value), models.LIFO for a stack, models.Priority for a priority
	// queue (smallest int first). The harnesses run with it.
	Model models.Kind
	// Relaxations lists what the library promises less than the strict
	// model, by its own documentation (never a bug we found):
	// linearizability.Lossy (it drops items by design: an overwriting
	// ring, a diode) or linearizability.SpuriousTryFailures (a
	// non-blocking call may fail while it could have succeeded).
	Relaxations []linearizability.Relaxation
	// NotThreadSafe says the library is documented as not safe for
	// concurrent use; it is adapted naively, as a careless user would, to
	// show that the concurrent harnesses catch it. Under the race detector
	// the first concurrent run ends the test binary, so run those harnesses
	// without -race (or expect the race report as the verdict).
	NotThreadSafe bool
}

// Relaxed reports whether the library declares relaxation r.
func (l Library) Relaxed(r linearizability.Relaxation) bool { return slices.Contains(l.Relaxations, r) }

// Promises says in words what the library promises less than the strict
// model: "lossy", "not thread-safe", "" for none.
func (l Library) Promises() string {
	names := harness.RelaxationNames(l.Relaxations, ", ")
	if l.NotThreadSafe {
		names = strings.TrimPrefix(names+", not thread-safe", ", ")
	}
	return names
}

// All returns every adapted library, Go's buffered channel first (the
// reference). The slice is new on every call.
func All() []Library {
	return []Library{
		chanLibrary(),
		workivaRingLibrary(),
		workivaQueueLibrary(),
		diodeLibrary(),
		gcqFIFOLibrary(),
		gcqFixedLibrary(),
		lockfreeLibrary(),
		hedzrLibrary(),
		adrianbradBlockingLibrary(),
		adrianbradCircularLibrary(),
		eapacheLibrary(),
		lockfreeStackLibrary(),
		adrianbradPriorityLibrary(),
	}
}

// Lookup returns the library called name, and whether there is one.
func Lookup(name string) (Library, bool) {
	for _, l := range All() {
		if l.Name == name {
			return l, true
		}
	}
	return Library{}, false
}
