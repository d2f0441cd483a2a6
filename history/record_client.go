package history

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// Client is one client's handle on a recorded queue: a [queue.Queue] whose
// operations are recorded in the client's own history. Create it with
// [Recorder.Client]; one goroutine at a time may use it.
//
// The operations are recorded with the results of FORMAT.md: nil is ok, a
// context's error is canceled, ErrFull is full, ErrEmpty is empty,
// ErrShutDown is shutdown, ErrTaskDone is error. An operation that returns
// errors.ErrUnsupported (a Len that returns a negative length) is not
// recorded but counted ([Recorder.Unsupported]). Any other error, or one
// that the operation may not return (ErrFull from a blocking Put, say), is
// recorded as unknown and kept for [Recorder.Errors]; the client then goes
// on under a fresh client id. Cap is not recorded.
type Client struct {
	_     [64]byte      // keeps fence off other clients' cache lines
	fence atomic.Uint64 // touched by this client alone: the clock reads' fence
	_     [56]byte

	q     queue.Queue[int]
	base  time.Time
	clock func() int64 // nil: the monotonic clock since base
	id    int

	cur         []event   // the operations being recorded, in a chunk of chunkLen
	full        [][]event // earlier chunks, each full
	segment     int       // the number of unknown results so far that the client went on after
	lost        bool      // the latest operation was recorded as unknown
	seq         int       // NextValue's counter
	unsupported [models.Shutdown + 1]int
	errs        []error
}

var _ queue.Queue[int] = (*Client)(nil)

// begin returns the call time: the clock read, then the fence, so that the
// operation's loads and stores cannot move before the read.
func (c *Client) begin() int64 {
	t := c.now()
	c.fence.Add(1)
	return t
}

// end returns the return time: the fence, then the clock read, so that the
// operation's loads and stores cannot move after the read.
func (c *Client) end() int64 {
	c.fence.Add(1)
	return c.now()
}

// now reads the recorder's clock: the injected one ([WithClock]), or the
// monotonic clock since the recorder was created.
func (c *Client) now() int64 {
	if c.clock != nil {
		return c.clock()
	}
	return int64(time.Since(c.base))
}

// record appends an operation whose call returned err.
func (c *Client) record(in models.Input, out models.Output, call, ret int64, err error) {
	r, ok := c.result(in.Op, err)
	if !ok {
		return
	}
	if c.lost {
		c.segment++
		c.lost = false
	}
	value := in.Value
	if in.Op == models.Get || in.Op == models.TryGet || in.Op == models.Len {
		value = 0
		if r == models.OK {
			value = out.Value
		}
	}
	if r == models.Unknown {
		ret, c.lost = 0, true
	}
	if len(c.cur) == cap(c.cur) {
		if c.cur != nil {
			c.full = append(c.full, c.cur)
		}
		c.cur = make([]event, 0, min(max(2*cap(c.cur), firstChunkLen), chunkLen))
	}
	c.cur = append(c.cur, event{call: call, ret: ret, value: value, segment: int32(c.segment),
		op: in.Op, result: r, immediate: in.Immediate})
}

// chunkLen is the number of events in a full chunk: 32 KiB. Recording
// never copies what it has recorded: a full chunk is set aside and a new one
// begun. The first chunk of a client holds firstChunkLen events and each
// next one twice as many, up to chunkLen, so that the many short-lived
// clients of small runs (the controlled scheduler runs hundreds a second)
// do not each clear 32 KiB.
const (
	chunkLen      = 1024
	firstChunkLen = 16
)

// event is one recorded operation, compact (32 bytes, no pointers: the
// garbage collector does not scan the chunks).
type event struct {
	call, ret, value int64 // value: put's item, or get's, try_get's, len's answer with OK
	segment          int32
	op               models.Op
	result           models.Result
	immediate        bool
}

// operations appends the client's operations to ops, with client ids from
// the client's own for segment 0 and from fresh+1, fresh+2... for the
// segments after unknown results.
func (c *Client) operations(ops []Operation, fresh int) []Operation {
	for _, chunk := range append(c.full, c.cur) {
		for _, e := range chunk {
			op := Operation{Client: c.id, Input: models.Input{Op: e.op, Immediate: e.immediate},
				Output: models.Output{Result: e.result}, Call: e.call, Return: e.ret}
			if e.segment > 0 {
				op.Client = fresh + int(e.segment)
			}
			if e.op == models.Put || e.op == models.TryPut {
				op.Input.Value = e.value
			} else {
				op.Output.Value = e.value
			}
			ops = append(ops, op)
		}
	}
	return ops
}

// result maps err to a result of op; false means not recorded.
func (c *Client) result(op models.Op, err error) (models.Result, bool) {
	var r models.Result
	switch {
	case err == nil:
		r = models.OK
	case errors.Is(err, errors.ErrUnsupported):
		c.unsupported[op]++
		return 0, false
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		r = models.Canceled
	case errors.Is(err, queue.ErrFull):
		r = models.Full
	case errors.Is(err, queue.ErrEmpty):
		r = models.Empty
	case errors.Is(err, queue.ErrShutDown):
		r = models.Closed
	case errors.Is(err, queue.ErrTaskDone):
		r = models.Error
	default:
		r = models.Unknown
	}
	if r == models.Unknown || !op.Allowed(r) {
		c.errs = append(c.errs, fmt.Errorf("history: client %d: %v returned %w (recorded as unknown)", c.id, op, err))
		r = models.Unknown
	}
	return r, true
}

// Put puts v, recorded.
func (c *Client) Put(ctx context.Context, v int) error {
	call := c.begin()
	err := c.q.Put(ctx, v)
	ret := c.end()
	c.record(models.Input{Op: models.Put, Value: int64(v)}, models.Output{}, call, ret, err)
	return err
}

// TryPut tries to put v, recorded.
func (c *Client) TryPut(v int) error {
	call := c.begin()
	err := c.q.TryPut(v)
	ret := c.end()
	c.record(models.Input{Op: models.TryPut, Value: int64(v)}, models.Output{}, call, ret, err)
	return err
}

// Get gets an item, recorded.
func (c *Client) Get(ctx context.Context) (int, error) {
	call := c.begin()
	v, err := c.q.Get(ctx)
	ret := c.end()
	c.record(models.Input{Op: models.Get}, models.Output{Value: int64(v)}, call, ret, err)
	return v, err
}

// TryGet tries to get an item, recorded.
func (c *Client) TryGet() (int, error) {
	call := c.begin()
	v, err := c.q.TryGet()
	ret := c.end()
	c.record(models.Input{Op: models.TryGet}, models.Output{Value: int64(v)}, call, ret, err)
	return v, err
}

// TaskDone marks a task done, recorded.
func (c *Client) TaskDone() error {
	call := c.begin()
	err := c.q.TaskDone()
	ret := c.end()
	c.record(models.Input{Op: models.TaskDone}, models.Output{}, call, ret, err)
	return err
}

// Join waits for every task to be done, recorded.
func (c *Client) Join(ctx context.Context) error {
	call := c.begin()
	err := c.q.Join(ctx)
	ret := c.end()
	c.record(models.Input{Op: models.Join}, models.Output{}, call, ret, err)
	return err
}

// Shutdown shuts the queue down, recorded.
func (c *Client) Shutdown(immediate bool) error {
	call := c.begin()
	err := c.q.Shutdown(immediate)
	ret := c.end()
	c.record(models.Input{Op: models.Shutdown, Immediate: immediate}, models.Output{}, call, ret, err)
	return err
}

// Len returns the queue's length, recorded; a negative length (unknown) is
// counted as unsupported and not recorded.
func (c *Client) Len() int {
	call := c.begin()
	n := c.q.Len()
	ret := c.end()
	var err error
	if n < 0 {
		err = errors.ErrUnsupported
	}
	c.record(models.Input{Op: models.Len}, models.Output{Value: int64(n)}, call, ret, err)
	return n
}

// Cap returns the queue's capacity (not recorded).
func (c *Client) Cap() int { return c.q.Cap() }
