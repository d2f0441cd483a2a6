package linearizability

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// Helpers for hand-written histories (prefixed pc: the package's tests
// are written by several people).
var (
	pcPut      = func(v int64) models.Input { return models.Input{Op: models.Put, Value: v} }
	pcTryPut   = func(v int64) models.Input { return models.Input{Op: models.TryPut, Value: v} }
	pcGet      = models.Input{Op: models.Get}
	pcTryGet   = models.Input{Op: models.TryGet}
	pcLen      = models.Input{Op: models.Len}
	pcTaskDone = models.Input{Op: models.TaskDone}
	pcJoin     = models.Input{Op: models.Join}
	pcSoft     = models.Input{Op: models.Shutdown}
	pcImm      = models.Input{Op: models.Shutdown, Immediate: true}
	pcOK       = models.Output{Result: models.OK}
	pcGot      = func(v int64) models.Output { return models.Output{Result: models.OK, Value: v} }
	pcRes      = func(r models.Result) models.Output { return models.Output{Result: r} }
)

func pcOp(client int, in models.Input, out models.Output, call, ret int64) history.Operation {
	return history.Operation{Client: client, Input: in, Output: out, Call: call, Return: ret}
}

// pcHistory numbers the operations' lines as a file with a header would:
// operation i on line i+2.
func pcHistory(kind models.Kind, capacity int, ops ...history.Operation) history.History {
	h := history.History{Kind: kind, Capacity: capacity, Operations: slices.Clone(ops)}
	for i := range h.Operations {
		h.Operations[i].Line = i + 2
	}
	return h
}

type pcCase struct {
	name     string
	h        history.History
	want     Verdict
	culprits []int // for a violation: the expected culprits, if one set is clear
}

var (
	fifo = models.FIFO
	unk  = pcRes(models.Unknown)
)

// pcCases: each violation pattern of CHECKING.md and of the operations
// beyond it, each with a linearizable look-alike.
var pcCases = []pcCase{
	{"fresh: never put", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(1, pcGet, pcGot(5), 2, 3)), Violation, []int{1}},
	{"fresh: got before its put began", pcHistory(fifo, 0,
		pcOp(1, pcGet, pcGot(5), 0, 10), pcOp(0, pcPut(5), pcOK, 11, 12)), Violation, []int{0, 1}},
	{"look-alike: put begins as the get returns", pcHistory(fifo, 0,
		pcOp(1, pcGet, pcGot(5), 0, 10), pcOp(0, pcPut(5), pcOK, 10, 12)), Linearizable, nil},
	{"repeat", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(1, pcGet, pcGot(1), 2, 3), pcOp(2, pcGet, pcGot(1), 2, 3)), Violation, []int{0, 1, 2}},
	{"look-alike: two values got concurrently", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcPut(2), pcOK, 2, 3), pcOp(1, pcGet, pcGot(2), 4, 6), pcOp(2, pcGet, pcGot(1), 5, 7)), Linearizable, nil},
	{"order: got in reverse", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcPut(2), pcOK, 2, 3), pcOp(1, pcGet, pcGot(2), 4, 5), pcOp(1, pcGet, pcGot(1), 6, 7)), Violation, []int{0, 1, 2, 3}},
	{"look-alike: puts overlap", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 3), pcOp(2, pcPut(2), pcOK, 2, 3), pcOp(1, pcGet, pcGot(2), 4, 5), pcOp(1, pcGet, pcGot(1), 6, 7)), Linearizable, nil},
	{"order: earlier value never got", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcPut(2), pcOK, 2, 3), pcOp(1, pcGet, pcGot(2), 4, 5)), Violation, []int{0, 1, 2}},
	{"look-alike: an unknown get took the earlier value", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcPut(2), pcOK, 2, 3), pcOp(2, pcGet, unk, 3, 0), pcOp(1, pcGet, pcGot(2), 4, 5)), Linearizable, nil},
	{"witness: empty while a value is queued", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(1, pcTryGet, pcRes(models.Empty), 5, 6), pcOp(2, pcGet, pcGot(1), 10, 11)), Violation, []int{0, 1, 2}},
	{"look-alike: the get overlaps the empty", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(1, pcTryGet, pcRes(models.Empty), 5, 6), pcOp(2, pcGet, pcGot(1), 4, 7)), Linearizable, nil},
	{"witness: two values cover the empty together", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcPut(2), pcOK, 15, 16), pcOp(1, pcTryGet, pcRes(models.Empty), 10, 30),
		pcOp(2, pcGet, pcGot(1), 20, 21), pcOp(2, pcGet, pcGot(2), 40, 41)), Violation, []int{0, 1, 2, 3, 4}},
	{"look-alike: a gap between the two values", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcPut(2), pcOK, 15, 25), pcOp(1, pcTryGet, pcRes(models.Empty), 10, 30),
		pcOp(2, pcGet, pcGot(1), 20, 21), pcOp(2, pcGet, pcGot(2), 40, 41)), Linearizable, nil},
	{"unknown get called after the empty", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(1, pcTryGet, pcRes(models.Empty), 5, 6), pcOp(2, pcGet, unk, 7, 0)), Violation, []int{0, 1}},
	{"look-alike: an unknown get silently took the item", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(2, pcGet, unk, 2, 0), pcOp(1, pcTryGet, pcRes(models.Empty), 5, 6)), Linearizable, nil},
	{"full with room", pcHistory(fifo, 2,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(1, pcTryPut(2), pcRes(models.Full), 2, 3)), Violation, []int{0, 1}},
	{"look-alike: full at capacity", pcHistory(fifo, 1,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(1, pcTryPut(2), pcRes(models.Full), 2, 3)), Linearizable, nil},
	{"blocking put took effect while full", pcHistory(fifo, 1,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(1, pcPut(2), pcOK, 2, 3), pcOp(2, pcGet, pcGot(1), 4, 5)), Violation, []int{0, 1, 2}},
	{"look-alike: blocking put waited for the get", pcHistory(fifo, 1,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(1, pcPut(2), pcOK, 2, 6), pcOp(2, pcGet, pcGot(1), 4, 5)), Linearizable, nil},
	{"put ok after soft shutdown", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcSoft, pcOK, 2, 3), pcOp(1, pcPut(3), pcOK, 4, 5)), Violation, []int{1, 2}},
	{"look-alike: soft shutdown keeps items, then get shuts", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcSoft, pcOK, 2, 3), pcOp(1, pcPut(3), pcRes(models.Closed), 4, 5),
		pcOp(1, pcGet, pcGot(1), 6, 7), pcOp(1, pcGet, pcRes(models.Closed), 8, 9)), Linearizable, nil},
	{"get shutdown with items left", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcSoft, pcOK, 2, 3), pcOp(1, pcGet, pcRes(models.Closed), 4, 5)), Violation, []int{0, 1, 2}},
	{"get after immediate shutdown", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcImm, pcOK, 2, 3), pcOp(1, pcGet, pcGot(1), 4, 5)), Violation, []int{0, 1, 2}},
	{"look-alike: immediate shutdown drained, tasks too", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcImm, pcOK, 2, 3), pcOp(1, pcTryGet, pcRes(models.Closed), 4, 5), pcOp(1, pcJoin, pcOK, 6, 7)), Linearizable, nil},
	{"join after a drained get: the task is unfinished", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcPut(2), pcOK, 0, 1), pcOp(1, pcGet, pcGot(1), 2, 3), pcOp(0, pcImm, pcOK, 4, 5), pcOp(1, pcJoin, pcOK, 6, 7)), Violation, nil},
	{"look-alike: the task was done", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcPut(2), pcOK, 0, 1), pcOp(1, pcGet, pcGot(1), 2, 3), pcOp(0, pcImm, pcOK, 4, 5),
		pcOp(1, pcTaskDone, pcOK, 6, 7), pcOp(1, pcJoin, pcOK, 8, 9)), Linearizable, nil},
	{"join with an unfinished task", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(1, pcGet, pcGot(1), 2, 3), pcOp(2, pcJoin, pcOK, 4, 5)), Violation, nil},
	{"look-alike: task_done overlaps the join", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(1, pcGet, pcGot(1), 2, 3), pcOp(1, pcTaskDone, pcOK, 5, 10), pcOp(2, pcJoin, pcOK, 8, 9)), Linearizable, nil},
	{"task_done error with a task unfinished", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(1, pcTaskDone, pcRes(models.Error), 2, 3)), Violation, []int{0, 1}},
	{"look-alike: task_done error before the put", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 2), pcOp(1, pcTaskDone, pcRes(models.Error), 1, 3)), Linearizable, nil},
	{"task_done ok with none unfinished", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(1, pcTaskDone, pcOK, 2, 3), pcOp(1, pcTaskDone, pcOK, 4, 5)), Violation, nil},
	{"len too small", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcPut(2), pcOK, 2, 3), pcOp(1, pcLen, pcGot(1), 4, 5)), Violation, nil},
	{"look-alike: len overlaps a get", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcPut(2), pcOK, 2, 3), pcOp(1, pcLen, pcGot(1), 4, 6), pcOp(2, pcGet, pcGot(1), 5, 7)), Linearizable, nil},
	{"canceled get anywhere", pcHistory(fifo, 1,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(1, pcGet, pcRes(models.Canceled), 2, 3), pcOp(1, pcPut(2), pcRes(models.Canceled), 2, 3)), Linearizable, nil},
	{"lifo got oldest first", pcHistory(models.LIFO, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcPut(2), pcOK, 2, 3), pcOp(1, pcGet, pcGot(1), 4, 5)), Violation, []int{0, 1, 2}},
	{"look-alike: lifo got newest first", pcHistory(models.LIFO, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcPut(2), pcOK, 2, 3), pcOp(1, pcGet, pcGot(2), 4, 5), pcOp(1, pcGet, pcGot(1), 6, 7)), Linearizable, nil},
	{"priority got a larger value", pcHistory(models.Priority, 0,
		pcOp(0, pcPut(5), pcOK, 0, 1), pcOp(0, pcPut(3), pcOK, 2, 3), pcOp(1, pcGet, pcGot(5), 4, 5)), Violation, []int{0, 1, 2}},
	{"look-alike: priority got the smaller", pcHistory(models.Priority, 0,
		pcOp(0, pcPut(5), pcOK, 0, 1), pcOp(0, pcPut(3), pcOK, 2, 3), pcOp(1, pcGet, pcGot(3), 4, 5)), Linearizable, nil},
	{"a result the operation cannot have", pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(1, pcLen, pcRes(models.Empty), 2, 3)), Violation, []int{1}},
	{"empty history", pcHistory(fifo, 0), Linearizable, nil},
}

func TestCheckPorcupineCases(t *testing.T) {
	for _, c := range pcCases {
		t.Run(c.name, func(t *testing.T) {
			r := checkPorcupineFor(c.h, 10*time.Second)
			if r.Verdict != c.want || r.Checker != "porcupine" || r.Operations != len(c.h.Operations) {
				t.Fatalf("got %v, want %v", r, c.want)
			}
			if c.want != Violation {
				if len(r.Culprits) != 0 || r.Explanation != "" {
					t.Fatalf("linearizable with culprits %v or explanation %q", r.Culprits, r.Explanation)
				}
				return
			}
			if c.culprits != nil && !slices.Equal(r.Culprits, c.culprits) {
				t.Errorf("culprits %v, want %v\n%s", r.Culprits, c.culprits, r.Explanation)
			}
			checkExplanation(t, c.h, r)
		})
	}
}

// checkExplanation checks that the explanation names every culprit by its
// line and that the culprits alone are still a violation.
func checkExplanation(t *testing.T, h history.History, r Report) {
	t.Helper()
	if len(r.Culprits) == 0 {
		t.Fatalf("violation without culprits: %v", r)
	}
	for _, i := range r.Culprits {
		if want := fmt.Sprintf("(line %d)", h.Operations[i].Line); !strings.Contains(r.Explanation, want) {
			t.Errorf("explanation does not name %s:\n%s", want, r.Explanation)
		}
	}
	sub := history.History{Kind: h.Kind, Capacity: h.Capacity}
	for _, i := range r.Culprits {
		sub.Operations = append(sub.Operations, h.Operations[i])
	}
	if v := checkPorcupineFor(sub, 10*time.Second).Verdict; v != Violation {
		t.Errorf("the culprits alone are %v:\n%s", v, r.Explanation)
	}
}

func TestCheckPorcupineExplains(t *testing.T) {
	h := pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcPut(2), pcOK, 2, 3), pcOp(3, pcJoin, pcRes(models.Canceled), 0, 9),
		pcOp(1, pcGet, pcGot(2), 4, 5), pcOp(1, pcGet, pcGot(1), 6, 7))
	r := checkPorcupineFor(h, 10*time.Second)
	want := `no order of these 4 operations explains their results (shrunk: leaving out any more would lose the violation, or could make one up):
  client 0 (line 2): put(1) → ok, called at 0, returned at 1
  client 0 (line 3): put(2) → ok, called at 2, returned at 3
  client 1 (line 5): get() → 2, called at 4, returned at 5
  client 1 (line 6): get() → 1, called at 6, returned at 7
the longest order that explains some: put(1) → ok; put(2) → ok, leaving [1 2] unfinished=2 open; then
  client 1 (line 5) cannot come next: get() → 2, but a correct fifo queue answers get() → 1`
	if r.Explanation != want {
		t.Fatalf("explanation:\n%s\nwant:\n%s", r.Explanation, want)
	}
	if got := r.String(); !strings.HasPrefix(got, "violation (porcupine, 5 ops, ") ||
		!strings.HasSuffix(got, "): no order of these 4 operations explains their results (shrunk: leaving out any more would lose the violation, or could make one up)") {
		t.Fatalf("String() = %q", got)
	}
}

// TestCheckPorcupineTimeout: twelve concurrent puts on a stack, twelve
// concurrent gets (so that the stack pruning has no get order to use),
// then a value never put: porcupine must try the orders of the puts and
// gets and gives up, saying Unknown. The stack is bounded (with room for
// all), so that no put/get pair is set aside (internal/search/stack.go).
func TestCheckPorcupineTimeout(t *testing.T) {
	var ops []history.Operation
	for v := range int64(12) {
		ops = append(ops, pcOp(int(v), pcPut(v), pcOK, 0, 100))
	}
	for v := range int64(12) {
		ops = append(ops, pcOp(20+int(v), pcGet, pcGot(v), 200, 300))
	}
	ops = append(ops, pcOp(40, pcGet, pcGot(99), 400, 401))
	r := checkPorcupineFor(pcHistory(models.LIFO, 100, ops...), 100*time.Millisecond)
	if r.Verdict != Unknown || !strings.Contains(r.Explanation, "did not decide within 100ms") {
		t.Fatalf("got %v, want unknown", r)
	}
	if r.Elapsed > 5*time.Second {
		t.Fatalf("took %v with a 100ms timeout", r.Elapsed)
	}
}

func TestCheckPorcupineRefusesBackwardTimes(t *testing.T) {
	r := checkPorcupineFor(pcHistory(fifo, 0, pcOp(0, pcPut(1), pcOK, 5, 4)), time.Second)
	if r.Verdict != Unknown || !strings.Contains(r.Explanation, "returns before it is called") {
		t.Fatalf("got %v", r)
	}
}

// TestStackPruningDecidesSequentialGets: twelve concurrent puts on a stack,
// then their values got one after another, then a value never put: without
// the pruning of stack puts porcupine would try the 12! orders of the puts;
// with it, the order of the gets fixes the order of the puts at once.
func TestStackPruningDecidesSequentialGets(t *testing.T) {
	var ops []history.Operation
	for v := range int64(12) {
		ops = append(ops, pcOp(int(v), pcPut(v), pcOK, 0, 100))
	}
	for v := range int64(12) {
		ops = append(ops, pcOp(20, pcGet, pcGot(11-v), 200+2*v, 201+2*v))
	}
	linearizable := pcHistory(models.LIFO, 0, ops...)
	if r := checkPorcupineFor(linearizable, 10*time.Second); r.Verdict != Linearizable {
		t.Fatalf("got %v, want linearizable", r)
	}
	ops = append(ops, pcOp(20, pcGet, pcGot(99), 300, 301))
	if r := checkPorcupineFor(pcHistory(models.LIFO, 0, ops...), 10*time.Second); r.Verdict != Violation {
		t.Fatalf("got %v, want a violation", r)
	}
}
