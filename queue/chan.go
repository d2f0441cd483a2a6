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
// Every operation is linearizable. Gets pass through a small gate of their
// own (two atomic additions) so that an immediate Shutdown can drain the
// channel in one step. TryPut and TryGet do not allocate.
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

type chanBuf[T any] struct {
	ch   chan T
	gate atomic.Int64
}

func (c *chanBuf[T]) push(v T) bool {
	select {
	case c.ch <- v:
		return true
	default:
		return false
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
