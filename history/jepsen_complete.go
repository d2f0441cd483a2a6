package history

import (
	"fmt"

	"github.com/pcqkit/pcq/models"
)

// drainUnknown is the error of a drain whose outcome is unknown: how many
// items it removed, unseen, nobody knows (Jepsen's own total-queue checker
// refuses such a drain too).
const drainUnknown = "a :drain that never completed or completed :info cannot be checked: the items it removed are unknown"

// complete closes a process's operation with the completion e.
func (jr *jepsenReader) complete(proc *jepsenProcess, e jepsenEvent) *FileError {
	pend := proc.open
	if e.f == jepsenDrain {
		if proc.open != nil {
			return &FileError{Line: e.line, Msg: fmt.Sprintf("process %d completes its :drain while the :%s invoked on line %d inside it is still open", e.process, proc.open.f, proc.open.line)}
		}
		pend = proc.drain
	}
	if pend == nil || pend.f != e.f {
		return &FileError{Line: e.line, Msg: fmt.Sprintf("process %d completes a :%s it has not invoked", e.process, e.f)}
	}
	if e.f == jepsenDrain {
		proc.drain = nil
	} else {
		proc.open = nil
	}
	switch e.typ {
	case jepsenFail:
		return nil // no effect
	case jepsenInfo:
		if e.f == jepsenDrain {
			return &FileError{Line: e.line, Msg: drainUnknown}
		}
		op := unknownOp(proc.client, pend)
		op.Line = e.line
		jr.ops.add(op)
		proc.client = jr.newClient() // FORMAT.md: a client's unknown operation is its last
		return nil
	}
	span := Operation{Client: proc.client, Call: pend.call, Return: jr.clock, Line: e.line}
	switch e.f {
	case jepsenEnqueue:
		return jr.enqueued(span, pend, e)
	case jepsenDequeue:
		return jr.dequeued(span, e)
	}
	return jr.drained(span, e)
}

// unknownOp is an operation invoked and never answered.
func unknownOp(client int, pend *jepsenPending) Operation {
	op := Operation{Client: client, Call: pend.call, Line: pend.line,
		Input: models.Input{Op: models.TryGet}, Output: models.Output{Result: models.Unknown}}
	if pend.f == jepsenEnqueue {
		op.Input = models.Input{Op: models.Put, Value: pend.value.i}
	}
	return op
}

// enqueued adds an :enqueue answered :ok: a put.
func (jr *jepsenReader) enqueued(op Operation, pend *jepsenPending, e jepsenEvent) *FileError {
	if e.value.kind != ednNil && (e.value.kind != ednInt || e.value.i != pend.value.i) {
		return &FileError{Line: e.line, Msg: fmt.Sprintf("the :enqueue invoked on line %d with :value %d completes with :value %s", pend.line, pend.value.i, e.value.describe())}
	}
	op.Input = models.Input{Op: models.Put, Value: pend.value.i}
	op.Output = models.Output{Result: models.OK}
	jr.ops.add(op)
	return nil
}

// dequeued adds a :dequeue answered :ok: a try_get that got the value, or
// found the queue empty (a nil value).
func (jr *jepsenReader) dequeued(op Operation, e jepsenEvent) *FileError {
	op.Input = models.Input{Op: models.TryGet}
	switch e.value.kind {
	case ednNil:
		op.Output = models.Output{Result: models.Empty}
	case ednInt:
		op.Output = models.Output{Result: models.OK, Value: e.value.i}
	default:
		return &FileError{Line: e.line, Msg: "a :dequeue's :ok :value must be an integer or nil (empty), not " + e.value.describe()}
	}
	jr.ops.add(op)
	return nil
}

// drained adds a :drain answered :ok: a try_get of each item its value
// lists, then one that found the queue empty, each within the drain's
// interval and each its own client (one client's operations may not
// overlap, and splitting the interval would invent an order in time).
func (jr *jepsenReader) drained(span Operation, e jepsenEvent) *FileError {
	switch e.value.kind {
	case ednNil, ednVector, ednList, ednSet:
	default:
		return &FileError{Line: e.line, Msg: "a :drain's :ok :value must be a collection of the items dequeued, not " + e.value.describe()}
	}
	for _, item := range e.value.items {
		if item.kind != ednInt {
			return &FileError{Line: item.line, Msg: "an item a :drain dequeued must be an integer, not " + item.describe()}
		}
		op := span
		op.Client, op.Line = jr.newClient(), item.line
		op.Input = models.Input{Op: models.TryGet}
		op.Output = models.Output{Result: models.OK, Value: item.i}
		jr.ops.add(op)
	}
	empty := span
	empty.Client = jr.newClient()
	empty.Input = models.Input{Op: models.TryGet}
	empty.Output = models.Output{Result: models.Empty}
	jr.ops.add(empty)
	return nil
}
