package history

import (
	"errors"
	"fmt"

	"github.com/pcqkit/pcq/models"
)

// ErrDuplicateValues is matched (with errors.Is) by the error [Validate]
// returns when two puts of a history put the same value. Such a history is
// well formed, but only porcupine can check it: the fast checker identifies
// every item by its value.
var ErrDuplicateValues = errors.New("history: duplicate put values")

// ValidationError is a broken recording: a history that breaks an
// assumption every checker relies on (one client's operations never overlap,
// returns come after calls, every result is one its operation can have).
// A broken recording is never given a verdict.
type ValidationError struct {
	Index int    // index in History.Operations of the operation at fault
	Msg   string // what is wrong, naming the operations (and lines) involved
}

// Error returns "history: invalid: " and the message.
func (e *ValidationError) Error() string {
	return "history: invalid: " + e.Msg
}

// DuplicateValueError reports two puts of the same value. It matches
// [ErrDuplicateValues] with errors.Is.
type DuplicateValueError struct {
	Value         int64 // the value put twice
	First, Second int   // indices in History.Operations of the two puts
	Msg           string
}

// Error names the value and the two puts.
func (e *DuplicateValueError) Error() string { return "history: " + e.Msg }

// Unwrap returns [ErrDuplicateValues].
func (e *DuplicateValueError) Unwrap() error { return ErrDuplicateValues }

// Validate checks the recording assumptions of a history before any checker
// runs, in this order, and returns the first broken one:
//
//   - the kind is known and the capacity is not negative;
//   - every operation has a known op and a result that op can have, a
//     client >= 0, a return no earlier than its call (unless unknown), and a
//     len value >= 0;
//   - one client's operations, in the order of h.Operations, never overlap:
//     each is called no earlier than the previous one returned (equal times
//     are allowed; intervals are closed, so the checkers then treat the two
//     as concurrent, which can only hide a violation, never invent one);
//   - no operation of a client follows its unknown operation;
//   - every put and try_put, whatever its result, puts a distinct value.
//
// A failure of the first four is a *[ValidationError]. Duplicate values,
// checked last, are a *[DuplicateValueError] matching [ErrDuplicateValues]:
// every other assumption holds then, and a checker that does not need
// distinct values (porcupine) may go on.
func Validate(h History) error {
	if h.Kind > models.Priority {
		return &ValidationError{Index: -1, Msg: fmt.Sprintf("unknown model %v", h.Kind)}
	}
	if h.Capacity < 0 {
		return &ValidationError{Index: -1, Msg: fmt.Sprintf("negative capacity %d", h.Capacity)}
	}
	for i, op := range h.Operations {
		if msg := checkOperation(op); msg != "" {
			return &ValidationError{Index: i, Msg: ref(h.Operations, i) + ": " + msg}
		}
	}
	if i, msg := checkClients(h.Operations); msg != "" {
		return &ValidationError{Index: i, Msg: ref(h.Operations, i) + ": " + msg}
	}
	return checkDistinct(h.Operations)
}

// checkOperation checks one operation on its own; "" means well formed.
func checkOperation(op Operation) string {
	switch {
	case op.Input.Op > models.Shutdown:
		return fmt.Sprintf("unknown op %v", op.Input.Op)
	case op.Output.Result > models.Unknown:
		return fmt.Sprintf("unknown result %v", op.Output.Result)
	case !op.Input.Op.Allowed(op.Output.Result):
		return fmt.Sprintf("%v cannot have the result %v", op.Input.Op, op.Output.Result)
	case op.Client < 0:
		return fmt.Sprintf("negative client %d", op.Client)
	case op.Output.Result != models.Unknown && op.Return < op.Call:
		return fmt.Sprintf("returns at %d, before its call at %d", op.Return, op.Call)
	case op.Input.Op == models.Len && op.Output.Result == models.OK && op.Output.Value < 0:
		return fmt.Sprintf("len returned a negative length %d", op.Output.Value)
	}
	return ""
}

// checkClients checks that one client's operations, in slice order, never
// overlap and that none follows the client's unknown operation. It returns
// the index of the first operation at fault and what is wrong, or "".
func checkClients(ops []Operation) (int, string) {
	last := make(map[int]int) // client -> index of its latest operation
	for i, op := range ops {
		j, seen := last[op.Client]
		last[op.Client] = i
		if !seen {
			continue
		}
		prev := ops[j]
		if prev.Output.Result == models.Unknown {
			return i, fmt.Sprintf("client %d calls %v after its %v on %s had an unknown result "+
				"(a client that goes on after an unknown result needs a new client id)",
				op.Client, op.Input.Op, prev.Input.Op, ref(ops, j))
		}
		if op.Call < prev.Return {
			return i, fmt.Sprintf("client %d calls %v at %d, before its %v on %s returned at %d "+
				"(one client's operations must not overlap and must be listed in time order)",
				op.Client, op.Input.Op, op.Call, prev.Input.Op, ref(ops, j), prev.Return)
		}
	}
	return 0, ""
}

// checkDistinct returns a *DuplicateValueError for the first value put twice.
func checkDistinct(ops []Operation) error {
	first := make(map[int64]int)
	for i, op := range ops {
		if op.Input.Op != models.Put && op.Input.Op != models.TryPut {
			continue
		}
		v := op.Input.Value
		if j, dup := first[v]; dup {
			return &DuplicateValueError{Value: v, First: j, Second: i,
				Msg: fmt.Sprintf("value %d is put twice (%s and %s); the fast checker needs distinct put values",
					v, ref(ops, j), ref(ops, i))}
		}
		first[v] = i
	}
	return nil
}

// ref names an operation for a person: its line when it came from a file,
// else its index.
func ref(ops []Operation, i int) string {
	if ops[i].Line > 0 {
		return fmt.Sprintf("line %d", ops[i].Line)
	}
	return fmt.Sprintf("operation %d", i)
}
