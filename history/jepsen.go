package history

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/pcqkit/pcq/models"
)

// ReadJepsen reads a Jepsen history of a queue (the history.edn a Jepsen
// test writes: one operation map a line, each maybe tagged
// #jepsen.history.Op, or one vector of them) and turns it into a FIFO,
// unbounded History; JEPSEN.md, beside this package, says exactly how.
// In short: each integer :process is a client and each :invoke is paired
// with the process's next completion; :enqueue is a put and :dequeue a
// try_get (an :ok with a nil value: the queue was empty); a :drain :ok
// whose value lists the items dequeued is a try_get of each, then one
// answered empty, all within the drain's interval; :fail means no effect
// (the operation is left out), :info an unknown outcome, after which the
// process goes on as a fresh client. Times are the events' positions in
// the file, the real-time order Jepsen records. Operations not of a
// client (:process :nemesis) are skipped.
//
// ReadJepsen reads the whole of r into memory first (about 100 bytes an
// event).
//
// Each Operation's Line is the line of its completion, or of its
// invocation when it never completed. A malformed file is a *[FileError]
// naming the line; an error reading r is returned as it is.
func ReadJepsen(r io.Reader) (History, error) {
	data, err := readAll(r)
	if err != nil {
		return History{}, err
	}
	return readJepsen(data, true)
}

// readJepsen reads a Jepsen history from data. view lets the parser hand
// out each top-level map without copying its items (FuzzReadJepsen checks
// it changes nothing).
func readJepsen(data []byte, view bool) (History, error) {
	p := newEDNParser(data)
	jr := jepsenReader{procs: make(map[int64]*jepsenProcess), maxProc: -1}
	for p.more() {
		v, err := p.value(0, view) // read before the next value
		if err != nil {
			return History{}, err
		}
		if err := jr.form(v); err != nil {
			return History{}, err
		}
	}
	if err := jr.finish(); err != nil {
		return History{}, err
	}
	return History{Kind: models.FIFO, Operations: jr.operations()}, nil
}

// jepsenReader is ReadJepsen's state between events.
type jepsenReader struct {
	procs   map[int64]*jepsenProcess
	fresh   int   // the fresh clients handed out
	maxProc int64 // the largest process number; -1 before any
	clock   int64 // the number of client events read
	ops     opChunks
}

// jepsenProcess is one Jepsen process: the client it is now, and what it
// has invoked and not completed yet.
type jepsenProcess struct {
	client int
	open   *jepsenPending // an enqueue or dequeue
	drain  *jepsenPending // a drain; dequeues may run inside it
}

// jepsenPending is an invocation waiting for its completion.
type jepsenPending struct {
	f     string
	value ednValue
	line  int
	call  int64
}

// form reads one top-level form: an operation, or a vector or list of them.
func (jr *jepsenReader) form(v ednValue) *FileError {
	if v.discarded() {
		return nil
	}
	if v.kind != ednVector && v.kind != ednList {
		return jr.event(v)
	}
	for _, item := range v.items {
		if err := jr.event(item); err != nil {
			return err
		}
	}
	return nil
}

// event reads one operation map.
func (jr *jepsenReader) event(v ednValue) *FileError {
	e, err := eventOf(v)
	if err != nil || !e.client {
		return err
	}
	jr.clock++
	proc := jr.procs[e.process]
	if proc == nil {
		proc = &jepsenProcess{}
		if e.process >= 0 && e.process < 1<<31 {
			proc.client = int(e.process) // the process's own number, while it lasts
			jr.maxProc = max(jr.maxProc, e.process)
		} else {
			proc.client = jr.newClient()
		}
		jr.procs[e.process] = proc
	}
	if e.typ == jepsenInvoke {
		return jr.invoke(proc, e)
	}
	return jr.complete(proc, e)
}

// newClient returns a fresh client: -1, -2... until operations
// numbers them after the largest process.
func (jr *jepsenReader) newClient() int {
	jr.fresh++
	return -jr.fresh
}

// operations returns the operations read, the fresh clients numbered
// after the largest process: each process is the client of its own
// number until it answers :info.
func (jr *jepsenReader) operations() []Operation {
	ops := jr.ops.all()
	for i := range ops {
		if ops[i].Client < 0 {
			ops[i].Client = int(jr.maxProc) - ops[i].Client
		}
	}
	return ops
}

// invoke opens a process's operation.
func (jr *jepsenReader) invoke(proc *jepsenProcess, e jepsenEvent) *FileError {
	pending := &jepsenPending{f: e.f, value: e.value, line: e.line, call: jr.clock}
	if prev := proc.pending(); prev != nil && (e.f != jepsenDequeue || proc.open != nil) {
		return &FileError{Line: e.line, Msg: fmt.Sprintf("process %d invokes :%s while its operation invoked on line %d is still open", e.process, e.f, prev.line)}
	}
	if e.f == jepsenEnqueue && e.value.kind != ednInt {
		return &FileError{Line: e.line, Msg: "an :enqueue's :value must be an integer, not " + e.value.describe()}
	}
	if e.f == jepsenDrain {
		proc.drain = pending
	} else {
		proc.open = pending
	}
	return nil
}

// pending is the operation the process has open, the innermost first.
func (proc *jepsenProcess) pending() *jepsenPending {
	if proc.open != nil {
		return proc.open
	}
	return proc.drain
}

// finish ends the history: an operation still open never completed, as
// if it had been answered :info.
func (jr *jepsenReader) finish() *FileError {
	ids := make([]int64, 0, len(jr.procs))
	for id := range jr.procs {
		ids = append(ids, id)
	}
	slices.Sort(ids) // the same history every time
	for _, id := range ids {
		proc := jr.procs[id]
		if proc.drain != nil {
			return &FileError{Line: proc.drain.line, Msg: drainUnknown}
		}
		if proc.open != nil {
			jr.ops.add(unknownOp(proc.client, proc.open))
		}
	}
	return nil
}

// readAll reads r to its end, in one allocation when r is a regular file.
func readAll(r io.Reader) ([]byte, error) {
	var buf bytes.Buffer
	if f, ok := r.(interface{ Stat() (os.FileInfo, error) }); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() < 1<<40 {
			buf.Grow(int(fi.Size()) + bytes.MinRead)
		}
	}
	_, err := buf.ReadFrom(r)
	return buf.Bytes(), err
}
