package adapters

import (
	"context"
	"errors"

	gcq "github.com/enriquebris/goconcurrentqueue"
	"github.com/pcqkit/pcq/queue"
)

const (
	gcqFIFOName  = "goconcurrentqueue-fifo"
	gcqFixedName = "goconcurrentqueue-fixed"
	gcqModule    = "github.com/enriquebris/goconcurrentqueue"
	gcqVersion   = "v0.7.0"
)

func gcqFIFOLibrary() Library {
	return Library{
		Name:     gcqFIFOName,
		Packages: []string{gcqModule},
		Module:   gcqModule,
		Version:  gcqVersion,
		Type:     "unbounded concurrent FIFO (slice + RWMutex, hand-off to waiting getters), FIFO",
		Notes: "TryPut/Put=Enqueue; TryGet=Dequeue; Get=DequeueOrWaitForNextElementContext (the library's own cancellable wait; " +
			"its 'empty queue' error from a blocking get is passed on as ErrEmpty); Len=GetLen; Lock/Unlock are not shutdown. " +
			"Known upstream: 'Disordered output from FIFO queue' (issue #37, open); consumers stuck (issues #30, #34, closed).",
		New: func(int) queue.Queue[int] { return NewGCQFIFO() },
	}
}

func gcqFixedLibrary() Library {
	return Library{
		Name:     gcqFixedName,
		Packages: []string{gcqModule},
		Module:   gcqModule,
		Version:  gcqVersion,
		Type:     "bounded concurrent FIFO (buffered channel, hand-off to waiting getters), FixedFIFO",
		Notes: "TryPut=Enqueue; Put polls Enqueue (no blocking put); TryGet=Dequeue; Get=DequeueOrWaitForNextElementContext; " +
			"Len=GetLen, which calls the queue's own Lock/Unlock: Enqueue and Dequeue running meanwhile fail with 'The queue is locked'.",
		Capacity: 8,
		New:      func(capacity int) queue.Queue[int] { return NewGCQFixed(capacity) },
	}
}

// gcqQueue is the part of goconcurrentqueue's Queue interface both
// adapters use.
type gcqQueue interface {
	Enqueue(any) error
	Dequeue() (any, error)
	DequeueOrWaitForNextElementContext(context.Context) (any, error)
	GetLen() int
}

// gcqErr maps the library's coded errors to pcq's sentinels.
func gcqErr(name string, err error) error {
	var qe *gcq.QueueError
	if errors.As(err, &qe) {
		switch qe.Code() {
		case gcq.QueueErrorCodeEmptyQueue:
			return queue.ErrEmpty
		case gcq.QueueErrorCodeFullCapacity:
			return queue.ErrFull
		}
	}
	return wrap(name, err)
}

// gcqBase adapts either kind of goconcurrentqueue queue.
type gcqBase struct {
	noTasks
	name string
	q    gcqQueue
}

// TryPut is Enqueue.
func (q *gcqBase) TryPut(v int) error { return gcqErr(q.name, q.q.Enqueue(v)) }

// TryGet is Dequeue.
func (q *gcqBase) TryGet() (int, error) {
	v, err := q.q.Dequeue()
	if err != nil {
		return 0, gcqErr(q.name, err)
	}
	return asInt(q.name, v)
}

// Get is DequeueOrWaitForNextElementContext; a context error is returned
// as is.
func (q *gcqBase) Get(ctx context.Context) (int, error) {
	v, err := q.q.DequeueOrWaitForNextElementContext(ctx)
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return 0, err
		}
		return 0, gcqErr(q.name, err)
	}
	return asInt(q.name, v)
}

// Len is GetLen.
func (q *gcqBase) Len() int { return q.q.GetLen() }

// GCQFIFO adapts goconcurrentqueue's FIFO, an unbounded queue.
type GCQFIFO struct{ gcqBase }

// NewGCQFIFO returns an empty FIFO.
func NewGCQFIFO() *GCQFIFO {
	return &GCQFIFO{gcqBase{name: gcqFIFOName, q: gcq.NewFIFO()}}
}

// Put is Enqueue (the queue is unbounded).
func (q *GCQFIFO) Put(_ context.Context, v int) error { return q.TryPut(v) }

// Cap is 0: unbounded (the library's GetCap is the slice's capacity).
func (q *GCQFIFO) Cap() int { return 0 }

// GCQFixed adapts goconcurrentqueue's FixedFIFO, a bounded queue built on a
// buffered channel.
type GCQFixed struct {
	gcqBase
	capacity int
}

// NewGCQFixed returns an empty FixedFIFO of capacity (8 if <= 0).
func NewGCQFixed(capacity int) *GCQFixed {
	if capacity <= 0 {
		capacity = 8
	}
	return &GCQFixed{gcqBase{name: gcqFixedName, q: gcq.NewFixedFIFO(capacity)}, capacity}
}

// Put polls Enqueue with a backoff: the library has no blocking put.
func (q *GCQFixed) Put(ctx context.Context, v int) error {
	return pollErr(ctx, queue.ErrFull, func() error { return q.TryPut(v) })
}

// Cap is the capacity asked for (the library's GetCap would lock the
// queue, see Len).
func (q *GCQFixed) Cap() int { return q.capacity }
