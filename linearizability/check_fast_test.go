package linearizability

import (
	"slices"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

type checkFastCase struct {
	name     string
	capacity int
	kind     models.Kind
	ops      []history.Operation
	want     Verdict // Unknown: not decided
	culprits []int   // nil: not checked
	says     string  // a phrase of the explanation or note
}

var checkFastCases = []checkFastCase{
	{name: "empty history", want: Linearizable},
	// Fresh.
	{name: "fresh: got before put began", ops: []history.Operation{histgen.Get(1, 7, 0, 1), histgen.Put(0, 7, 2, 3)},
		want: Violation, culprits: []int{0, 1}, says: "value 7 was got by client 1 (operation 0) before any put of 7 began"},
	{name: "fresh look-alike: get touches put", ops: []history.Operation{histgen.Get(1, 7, 0, 2), histgen.Put(0, 7, 2, 3)}, want: Linearizable},
	{name: "fresh: never put", ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Get(1, 7, 2, 3)},
		want: Violation, culprits: []int{1}, says: "never put"},
	{name: "fresh: put canceled", ops: []history.Operation{histgen.With(histgen.Put(0, 7, 0, 1), models.Canceled), histgen.Get(1, 7, 2, 3)},
		want: Violation, culprits: []int{0, 1}, says: "answered canceled and had no effect"},
	{name: "fresh: put answered full", capacity: 1, ops: []history.Operation{histgen.TryPut(0, 7, 0, 1, models.Full), histgen.Get(1, 7, 2, 3)},
		want: Violation, says: "answered full"},
	// Repeat.
	{name: "repeat", ops: []history.Operation{histgen.Put(0, 7, 0, 1), histgen.Get(1, 7, 2, 3), histgen.Get(2, 7, 2, 5)},
		want: Violation, culprits: []int{1, 2}, says: "value 7 was got twice"},
	// Order.
	{name: "order: gets reversed", ops: []history.Operation{histgen.Put(0, 3, 0, 1), histgen.Put(0, 5, 2, 3), histgen.Get(1, 5, 4, 5), histgen.Get(1, 3, 6, 7)},
		want: Violation, culprits: []int{0, 1, 2, 3}, says: "but 5 was got by client 1 (operation 2) before 3 was got"},
	{name: "order look-alike: puts overlap", ops: []history.Operation{histgen.Put(0, 3, 0, 2), histgen.Put(2, 5, 1, 3), histgen.Get(1, 5, 4, 5), histgen.Get(1, 3, 6, 7)}, want: Linearizable},
	{name: "order look-alike: puts touch", ops: []history.Operation{histgen.Put(0, 3, 0, 2), histgen.Put(2, 5, 2, 3), histgen.Get(1, 5, 4, 5), histgen.Get(1, 3, 6, 7)}, want: Linearizable},
	{name: "order look-alike: gets overlap", ops: []history.Operation{histgen.Put(0, 3, 0, 1), histgen.Put(0, 5, 2, 3), histgen.Get(1, 5, 4, 6), histgen.Get(2, 3, 6, 7)}, want: Linearizable},
	{name: "order: earlier value never got", ops: []history.Operation{histgen.Put(0, 3, 0, 1), histgen.Put(0, 5, 2, 3), histgen.Get(1, 5, 4, 5)},
		want: Violation, culprits: []int{0, 1, 2}, says: "3 was never got"},
	{name: "order look-alike: never got, puts overlap", ops: []history.Operation{histgen.Put(0, 3, 0, 2), histgen.Put(1, 5, 1, 3), histgen.Get(1, 5, 4, 5)}, want: Linearizable},
	// Witness (empty).
	{name: "witness: one value", ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Empty(1, 2, 3), histgen.Get(0, 1, 4, 5)},
		want: Violation, culprits: []int{0, 1, 2}, says: "answered empty, but the queue certainly held a value"},
	{name: "witness look-alike: put in flight", ops: []history.Operation{histgen.Put(0, 1, 0, 2), histgen.Empty(1, 1, 3), histgen.Get(0, 1, 4, 5)}, want: Linearizable},
	{name: "witness look-alike: get in flight", ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Empty(1, 2, 4), histgen.Get(0, 1, 3, 5)}, want: Linearizable},
	{name: "witness: never got", ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Empty(1, 2, 3)},
		want: Violation, says: "never got"},
	{name: "witness: two values together", ops: []history.Operation{
		histgen.Put(0, 1, 0, 1), histgen.Get(0, 1, 5, 6), histgen.Put(1, 2, 3, 4), histgen.Get(1, 2, 8, 9), histgen.Empty(2, 2, 7)},
		want: Violation, culprits: []int{0, 1, 2, 3, 4}, says: "; then value 2"},
	{name: "witness look-alike: gap between two values", ops: []history.Operation{
		histgen.Put(0, 1, 0, 1), histgen.Get(0, 1, 5, 6), histgen.Put(1, 2, 3, 6), histgen.Get(1, 2, 8, 9), histgen.Empty(2, 2, 7)}, want: Linearizable},
	{name: "witness look-alike: values only touch", ops: []history.Operation{
		histgen.Put(0, 1, 0, 1), histgen.Get(0, 1, 5, 6), histgen.Put(1, 2, 3, 5), histgen.Get(1, 2, 8, 9), histgen.Empty(2, 2, 7)}, want: Linearizable},
	// Canceled and unknown.
	{name: "canceled get dropped", ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.With(histgen.Get(1, 0, 2, 3), models.Canceled), histgen.Get(1, 1, 4, 5)}, want: Linearizable},
	{name: "unknown put got later", ops: []history.Operation{histgen.With(histgen.Put(0, 1, 0, 1), models.Unknown), histgen.Get(1, 1, 50, 51)}, want: Linearizable},
	{name: "unknown put got before its call", ops: []history.Operation{histgen.With(histgen.Put(0, 1, 5, 0), models.Unknown), histgen.Get(1, 1, 1, 2)}, want: Violation},
	{name: "unknown put never got dropped", ops: []history.Operation{histgen.With(histgen.Put(0, 3, 0, 0), models.Unknown), histgen.Put(1, 5, 2, 3), histgen.Get(1, 5, 4, 5), histgen.Empty(1, 6, 7)}, want: Linearizable},
	{name: "unknown get may explain a witness", ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.With(histgen.Get(1, 0, 1, 0), models.Unknown), histgen.Empty(2, 5, 6)},
		want: Unknown, says: "unknown get"},
	{name: "unknown get cannot explain a repeat", ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.With(histgen.Get(1, 0, 1, 0), models.Unknown), histgen.Get(2, 1, 2, 3), histgen.Get(3, 1, 2, 3)},
		want: Violation},
	{name: "unknown get with no effect", ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.With(histgen.Get(1, 0, 1, 0), models.Unknown), histgen.Get(2, 1, 2, 3), histgen.Empty(2, 5, 6)},
		want: Linearizable, says: "no effect"},
	// Capacity.
	{name: "full on unbounded queue", ops: []history.Operation{histgen.TryPut(0, 1, 0, 1, models.Full)}, want: Violation, says: "unbounded"},
	{name: "full with room", capacity: 2, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.TryPut(1, 2, 2, 3, models.Full)},
		want: Violation, culprits: []int{1}, says: "at most 1 values could have been queued"},
	{name: "full look-alike: enough in flight", capacity: 2, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Put(2, 3, 2, 9), histgen.TryPut(1, 2, 2, 3, models.Full)},
		want: Linearizable, says: "replayed"},
	{name: "capacity binds, linearizable", capacity: 1, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Get(1, 1, 2, 3), histgen.Put(2, 2, 0, 5), histgen.Get(3, 2, 6, 7)},
		want: Linearizable, says: "replayed"},
	{name: "capacity never binds", capacity: 2, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Put(1, 2, 0, 1), histgen.Get(0, 1, 2, 3), histgen.Get(1, 2, 4, 5)}, want: Linearizable},
	{name: "overfull: two values certainly queued", capacity: 1, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Put(1, 2, 0, 1), histgen.Get(0, 1, 2, 3), histgen.Get(1, 2, 4, 5)},
		want: Violation, culprits: []int{0, 1, 2, 3}, says: "2 values were certainly queued just after 1, but the capacity is 1"},
	{name: "overfull look-alike: the get may come first", capacity: 1, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Put(1, 2, 0, 3), histgen.Get(2, 1, 1, 2), histgen.Get(2, 2, 4, 5)},
		want: Linearizable, says: "decided exactly by the search over orders"},
	{name: "order search: no room in time", capacity: 1, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Put(0, 2, 2, 3), histgen.Get(1, 2, 2, 10), histgen.Get(2, 1, 5, 10)},
		want: Violation, culprits: []int{0, 1, 3}, says: "the queue was full until then: 1, 1 places ahead, was not got before 5"},
	{name: "empty and full both placed", capacity: 1, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.TryPut(1, 9, 2, 3, models.Full), histgen.Get(0, 1, 4, 5), histgen.Empty(1, 6, 7)},
		want: Linearizable, says: "replayed"},
	{name: "blocking put waits for room", capacity: 1, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Put(1, 2, 0, 10), histgen.Get(2, 1, 5, 6), histgen.Get(2, 2, 11, 12)},
		want: Linearizable, says: "replayed"},
	{name: "blocking put cannot wait long enough", capacity: 1, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Put(1, 2, 0, 3), histgen.Get(2, 1, 5, 6), histgen.Get(2, 2, 7, 8)},
		want: Violation, says: "2 values were certainly queued just after 3"},
	{name: "bounded order violation", capacity: 1, ops: []history.Operation{histgen.Put(0, 3, 0, 1), histgen.Put(0, 5, 2, 3), histgen.Get(1, 5, 4, 5), histgen.Get(1, 3, 6, 7)}, want: Violation},
	// Stacks.
	{name: "lifo: later put got first", kind: models.LIFO, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Put(0, 2, 2, 3), histgen.Get(1, 2, 4, 5), histgen.Get(1, 1, 6, 7)},
		want: Linearizable, says: "bottom values"},
	{name: "lifo: earlier put got first", kind: models.LIFO, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Put(0, 2, 2, 3), histgen.Get(1, 1, 4, 5), histgen.Get(1, 2, 6, 7)},
		want: Violation, culprits: []int{0, 1, 2, 3}, says: "no value can be at the bottom of the stack"},
	{name: "lifo: empty under a value", kind: models.LIFO, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Empty(1, 2, 3)},
		want: Violation, culprits: []int{0, 1}, says: "answered empty"},
	{name: "lifo: capacity never binds", kind: models.LIFO, capacity: 2, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Put(0, 2, 2, 3), histgen.Get(1, 2, 4, 5)},
		want: Linearizable, says: "never binds"},
	{name: "lifo: unknown put never got", kind: models.LIFO, ops: []history.Operation{histgen.With(histgen.Put(0, 1, 0, 1), models.Unknown), histgen.Empty(1, 5, 6)},
		want: Linearizable},
	{name: "lifo: unknown put got later", kind: models.LIFO, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.With(histgen.Put(1, 2, 2, 0), models.Unknown), histgen.Get(0, 1, 7, 8), histgen.Get(0, 2, 5, 6)},
		want: Linearizable},
	{name: "lifo: unknown put got before its call", kind: models.LIFO, ops: []history.Operation{histgen.With(histgen.Put(1, 2, 5, 0), models.Unknown), histgen.Get(0, 2, 1, 2)},
		want: Violation, says: "before any put"},
	{name: "lifo: full on unbounded stack", kind: models.LIFO, ops: []history.Operation{histgen.TryPut(0, 1, 0, 1, models.Full)}, want: Violation, says: "unbounded"},
	// Priority queues (smallest first).
	{name: "priority: smaller got first", kind: models.Priority, ops: []history.Operation{histgen.Put(0, 2, 0, 1), histgen.Put(0, 1, 2, 3), histgen.Get(1, 1, 4, 5), histgen.Get(1, 2, 6, 7)},
		want: Linearizable, says: "busy periods"},
	{name: "priority: larger got while smaller is in", kind: models.Priority, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Put(0, 2, 2, 3), histgen.Get(1, 2, 4, 5), histgen.Get(1, 1, 6, 7)},
		want: Violation, culprits: []int{0, 1, 2, 3}, says: "no value can be the last got before the queue is first empty again"},
	{name: "priority: empty under a value", kind: models.Priority, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Empty(1, 2, 3)},
		want: Violation, culprits: []int{0, 1}, says: "answered empty"},
	// Handed on.
	{name: "priority with len", kind: models.Priority, ops: []history.Operation{histgen.Put(0, 1, 0, 1), {Client: 0, Input: models.Input{Op: models.Len}, Output: models.Output{Value: 1}, Call: 2, Return: 3}},
		want: Unknown, says: "priority checker"},
	{name: "lifo with len", kind: models.LIFO, ops: []history.Operation{histgen.Put(0, 1, 0, 1), {Client: 0, Input: models.Input{Op: models.Len}, Output: models.Output{Value: 1}, Call: 2, Return: 3}},
		want: Unknown, says: "len"},
	{name: "lifo unknown get", kind: models.LIFO, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.With(histgen.Get(1, 0, 2, 3), models.Unknown)}, want: Unknown, says: "unknown gets"},
	{name: "lifo capacity could bind", kind: models.LIFO, capacity: 1, ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Put(0, 2, 2, 3)}, want: Unknown, says: "could bind"},
	{name: "task_done", ops: []history.Operation{histgen.Put(0, 1, 0, 1), {Client: 0, Input: models.Input{Op: models.TaskDone}, Call: 2, Return: 3}},
		want: Unknown, says: "task_done"},
	{name: "duplicate puts", ops: []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Put(0, 1, 2, 3)}, want: Unknown, says: "not distinct"},
}

func TestCheckFastPatterns(t *testing.T) {
	for _, c := range checkFastCases {
		t.Run(c.name, func(t *testing.T) {
			h := history.History{Kind: c.kind, Capacity: c.capacity, Operations: c.ops}
			r, decided := checkFast(h)
			if decided != (c.want != Unknown) || r.Verdict != c.want {
				t.Fatalf("verdict %v (decided %v), want %v; explanation %q note %q", r.Verdict, decided, c.want, r.Explanation, r.Note)
			}
			if r.Checker != "fast" || r.Operations != len(c.ops) {
				t.Errorf("checker %q operations %d", r.Checker, r.Operations)
			}
			if c.culprits != nil && !slices.Equal(r.Culprits, c.culprits) {
				t.Errorf("culprits %v, want %v (%s)", r.Culprits, c.culprits, r.Explanation)
			}
			if text := r.Explanation + r.Note; !strings.Contains(text, c.says) {
				t.Errorf("explanation %q, note %q: want %q", r.Explanation, r.Note, c.says)
			}
			if c.want == Violation && (r.Explanation == "" || len(r.Culprits) == 0) {
				t.Errorf("violation without explanation or culprits: %+v", r)
			}
		})
	}
}

func TestCheckFastLines(t *testing.T) {
	ops := []history.Operation{histgen.Get(2, 7, 0, 1), histgen.Put(0, 7, 2, 3)}
	ops[0].Line, ops[1].Line = 18, 20
	r, _ := checkFast(history.History{Operations: ops})
	want := "value 7 was got by client 2 (line 18) before any put of 7 began: its put by client 0 (line 20) was called later"
	if r.Explanation != want {
		t.Fatalf("explanation %q, want %q", r.Explanation, want)
	}
}
