package queue

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

// Chan is a bounded FIFO queue built on a buffered Go channel, used only
// with non-blocking sends and receives; blocking, task accounting and
// shutdown are the shared ones.
//
// Every operation is linearizable. A channel neither counts its sends nor
// can refuse them once closed, so Chan does both with a gate word of its
// own: a put marks itself in flight, sends, then counts itself and unmarks
// (two atomic additions), and closing waits for the puts in flight. Gets
// pass through a second gate (two atomic additions) so that an immediate
// Shutdown can drain the channel in one step. TryPut and TryGet do not
// allocate.
type Chan[T any] struct {
	engine[T]
	c chanBuf[T]
}

var _ Queue[int] = (*Chan[int])(nil)

// NewChan returns an empty FIFO queue of the given capacity. It panics if
// capacity < 1: a channel-backed queue is bounded by nature.
func NewChan[T any](capacity int) *Chan[T] {
	if capacity < 1 {
		panic(fmt.Sprintf("queue: NewChan needs a capacity of at least 1, got %d", capacity))
	}
	q := &Chan[T]{}
	q.c.ch = make(chan T, capacity)
	q.engine.init(&q.c, capacity)
	return q
}

// chanGateClosed is set in chanBuf.gate by drain; the other bits count the
// pops in flight.
const chanGateClosed = 1 << 62

// The puts word: chanPutsClosed is set by close; below it, the pushes in
// the high bits and in the low chanMarkBits the puts in flight (marked
// before their send, unmarked once counted or failed). Up to 2^24-1 puts
// in flight (one per goroutine at most) and 2^39-1 pushes.
const (
	chanPutsClosed = 1 << 63
	chanMarkBits   = 24
	chanMarkMask   = 1<<chanMarkBits - 1
	chanOnePush    = 1 << chanMarkBits
)

type chanBuf[T any] struct {
	ch   chan T
	puts atomic.Uint64
	_    [56]byte
	gate atomic.Int64
}

func (c *chanBuf[T]) push(v T) pushResult {
	// Mark the put in flight, then look at the closed bit in the same
	// word: either this addition sees it, or close sees the mark and waits
	// for the send to finish.
	if c.puts.Add(1)&chanPutsClosed != 0 {
		c.puts.Add(^uint64(0))
		return pushClosed
	}
	select {
	case c.ch <- v:
		c.puts.Add(chanOnePush - 1) // count the push, unmark
		return pushed
	default:
		c.puts.Add(^uint64(0))
		return pushFull
	}
}

func (c *chanBuf[T]) pushes() (uint64, bool) {
	w := c.puts.Load() &^ chanPutsClosed
	return w >> chanMarkBits, w&chanMarkMask == 0
}

// close sets the closed bit and waits for the puts in flight: those that
// marked themselves before it send and are counted.
func (c *chanBuf[T]) close() {
	c.puts.Or(chanPutsClosed)
	for c.puts.Load()&chanMarkMask != 0 {
		runtime.Gosched()
	}
}

func (c *chanBuf[T]) pop() (T, bool) {
	var zero T
	if c.gate.Add(1)&chanGateClosed != 0 {
		c.gate.Add(-1)
		return zero, false
	}
	select {
	case v := <-c.ch:
		c.gate.Add(-1)
		return v, true
	default:
		c.gate.Add(-1)
		return zero, false
	}
}

func (c *chanBuf[T]) len() int { return len(c.ch) }

// drain closes the gate, lets the pops already past it finish (they take
// effect before the drain), then empties the channel: no push runs any more.
func (c *chanBuf[T]) drain() int {
	c.gate.Or(chanGateClosed)
	for c.gate.Load() != chanGateClosed {
		runtime.Gosched()
	}
	n := 0
	for {
		select {
		case <-c.ch:
			n++
		default:
			return n
		}
	}
}
