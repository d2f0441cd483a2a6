package models

import "fmt"

// Kind names the order in which a queue hands out its items.
type Kind uint8

// The kinds of queue a model can specify.
const (
	FIFO     Kind = iota // oldest item first (queue.Queue)
	LIFO                 // newest item first (queue.LifoQueue)
	Priority             // smallest item first (queue.PriorityQueue)
)

var kindNames = [...]string{FIFO: "fifo", LIFO: "lifo", Priority: "priority"}

// String returns the kind's name as used in history files: "fifo", "lifo"
// or "priority".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// ParseKind parses a kind's name as written by [Kind.String].
func ParseKind(s string) (Kind, error) {
	for k, name := range kindNames {
		if s == name {
			return Kind(k), nil
		}
	}
	return 0, fmt.Errorf("models: unknown model %q (want fifo, lifo or priority)", s)
}

// Op is the operation a client called.
type Op uint8

// The operations of a queue, as named in history files.
const (
	Put Op = iota
	TryPut
	Get
	TryGet
	Len
	TaskDone
	Join
	Shutdown
)

var opNames = [...]string{
	Put: "put", TryPut: "try_put", Get: "get", TryGet: "try_get",
	Len: "len", TaskDone: "task_done", Join: "join", Shutdown: "shutdown",
}

// String returns the operation's name as used in history files.
func (o Op) String() string {
	if int(o) < len(opNames) {
		return opNames[o]
	}
	return fmt.Sprintf("Op(%d)", o)
}

// ParseOp parses an operation's name as written by [Op.String].
func ParseOp(s string) (Op, error) {
	for o, name := range opNames {
		if s == name {
			return Op(o), nil
		}
	}
	return 0, fmt.Errorf("unknown op %q", s)
}

// Result is what an operation returned.
type Result uint8

// The results an operation can have, as named in history files.
const (
	OK       Result = iota
	Full            // try_put found the queue full
	Empty           // try_get found the queue empty
	Closed          // the queue is shut down: the call returned queue.ErrShutDown ("shutdown" in history files)
	Canceled        // the context ended; the operation had no effect
	Error           // task_done called more times than items were put
	Unknown         // the client never saw a result
)

var resultNames = [...]string{
	OK: "ok", Full: "full", Empty: "empty", Closed: "shutdown",
	Canceled: "canceled", Error: "error", Unknown: "unknown",
}

// String returns the result's name as used in history files.
func (r Result) String() string {
	if int(r) < len(resultNames) {
		return resultNames[r]
	}
	return fmt.Sprintf("Result(%d)", r)
}

// ParseResult parses a result's name as written by [Result.String].
func ParseResult(s string) (Result, error) {
	for r, name := range resultNames {
		if s == name {
			return Result(r), nil
		}
	}
	return 0, fmt.Errorf("unknown result %q", s)
}

// Allowed reports whether an operation can have the result r, as the table
// of history/FORMAT.md gives it.
func (o Op) Allowed(r Result) bool {
	if r == Unknown {
		return true
	}
	switch o {
	case Put:
		return r == OK || r == Closed || r == Canceled
	case TryPut:
		return r == OK || r == Full || r == Closed
	case Get:
		return r == OK || r == Closed || r == Canceled
	case TryGet:
		return r == OK || r == Empty || r == Closed
	case Len, Shutdown:
		return r == OK
	case TaskDone:
		return r == OK || r == Error
	case Join:
		return r == OK || r == Canceled
	}
	return false
}

// Input is an operation's call: what it was asked to do.
type Input struct {
	Op        Op
	Value     int64 // the item, for put and try_put
	Immediate bool  // for shutdown
}

// Output is an operation's return: what it answered.
type Output struct {
	Result Result
	Value  int64 // the item got (get, try_get with OK) or the length (len)
}
