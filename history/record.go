package history

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// Recorder records the history of the operations that clients run on a
// queue, soundly:
//
//   - it adds no synchronisation between clients: each [Client] appends to
//     its own slice, and the slices are merged by [Recorder.History] after
//     the run. A shared counter or lock would create happens-before edges
//     that hide the races the race detector and the checkers look for.
//   - its timestamps bound each operation: the monotonic clock is read
//     before the call and after the return, each time behind a fence (an
//     atomic operation on a variable that the client alone touches), so that
//     neither the processor nor the compiler moves the read across the
//     operation's own loads and stores.
//
// Create the clients with [Recorder.Client] before starting the goroutines
// that use them (registration takes a lock), give each goroutine its own
// client, and call [Recorder.History] once they have all finished.
type Recorder struct {
	q     queue.Queue[int]
	base  time.Time
	clock func() int64 // nil: the monotonic clock since base

	mu      sync.Mutex // guards clients; never taken by an operation
	clients []*Client
}

// NewRecorder returns a recorder of the operations run on q. By default it
// time-stamps operations with the monotonic clock, in nanoseconds since
// the recorder was created; [WithClock] gives it another clock.
func NewRecorder(q queue.Queue[int], opts ...Option) *Recorder {
	r := &Recorder{q: q, base: time.Now()}
	for _, opt := range opts {
		opt(r)
	}
	return r
}

// Client registers a new client and returns its handle. Client ids are
// 0, 1, 2, ... in the order of registration. A client's handle must be
// used by one goroutine at a time.
func (r *Recorder) Client() *Client {
	r.mu.Lock()
	defer r.mu.Unlock()
	c := &Client{q: r.q, base: r.base, clock: r.clock, id: len(r.clients)}
	r.clients = append(r.clients, c)
	return c
}

// History merges the clients' operations into one history of the given
// kind and capacity, ordered by call time. Call it only once every client
// has finished: it reads their slices without synchronisation of its own
// (the caller's WaitGroup or errgroup provides it).
//
// Client i's operations have client id i until the first of them that is
// recorded as unknown; a client goes on after an unknown operation under a
// fresh id (numbered after all registered clients), as FORMAT.md requires.
func (r *Recorder) History(kind models.Kind, capacity int) History {
	r.mu.Lock()
	defer r.mu.Unlock()
	h := History{Kind: kind, Capacity: capacity}
	fresh := len(r.clients) - 1 // the last id given so far
	for _, c := range r.clients {
		h.Operations = c.operations(h.Operations, fresh)
		fresh += c.segment
	}
	slices.SortStableFunc(h.Operations, func(a, b Operation) int { return cmp.Compare(a.Call, b.Call) })
	return h
}

// Unsupported returns how many operations of each kind the queue answered
// with errors.ErrUnsupported (or, for Len, a negative length): they are not
// in the history, so a verdict says nothing about them. Call it, like
// [Recorder.History], once every client has finished.
func (r *Recorder) Unsupported() map[models.Op]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := make(map[models.Op]int)
	for _, c := range r.clients {
		for op, k := range c.unsupported {
			if k > 0 {
				n[models.Op(op)] += k
			}
		}
	}
	return n
}

// Errors returns the errors that no result of FORMAT.md describes (an
// error the queue's contract does not allow for that operation), in client
// order. Each such operation is recorded as unknown. Call it, like
// [Recorder.History], once every client has finished.
func (r *Recorder) Errors() []error {
	r.mu.Lock()
	defer r.mu.Unlock()
	var errs []error
	for _, c := range r.clients {
		errs = append(errs, c.errs...)
	}
	return errs
}

// valueStride separates the values of [Client.NextValue] of two clients.
const valueStride = 1_000_000_000

// NextValue returns a value that no other call of NextValue on any client
// of any recorder with the same client ids returns: client*1e9 + n for the
// client's n-th call (n from 1). Puts must put distinct values for the fast
// checker; callers that choose their own values must keep them distinct.
func (c *Client) NextValue() int {
	c.seq++
	if c.seq >= valueStride {
		panic(fmt.Sprintf("history: client %d asked for more than %d values", c.id, valueStride-1))
	}
	return c.id*valueStride + c.seq
}

// ID returns the client id given at registration.
func (c *Client) ID() int { return c.id }
