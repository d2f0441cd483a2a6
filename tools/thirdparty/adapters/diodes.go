package adapters

import (
	"context"
	"sync"
	"sync/atomic"

	diodes "code.cloudfoundry.org/go-diodes"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/queue"
)

const diodeName = "diodes-manytoone"

func diodeLibrary() Library {
	return Library{
		Name:     diodeName,
		Packages: []string{"code.cloudfoundry.org/go-diodes"},
		Module:   "code.cloudfoundry.org/go-diodes",
		Version:  "v0.0.0-20231113191959-85adc333ee36",
		Type:     "lossy ring (diode), ManyToOne: many writers, one reader",
		Notes: "Set never blocks and overwrites the oldest unread item when the ring is full, counting drops through the Alerter " +
			"(Dropped()); TryPut/Put=Set; TryGet=TryNext with readers serialised by the adapter (the library's documented " +
			"single-reader contract); Get polls TryNext (as the library's own Poller does) so that it honours ctx; Len unknown. " +
			"Set logs 'Diode set collision' through the log package under contention.",
		Capacity:    8,
		New:         func(capacity int) queue.Queue[int] { return NewDiode(capacity) },
		Relaxations: []linearizability.Relaxation{linearizability.Lossy},
	}
}

// Diode adapts a go-diodes ManyToOne diode, a ring that never blocks a
// writer: when full, a write overwrites the oldest unread item, and the
// reader is told how many it missed. Items are boxed as *int (the library's
// nil means empty).
//
// ManyToOne is documented as unsafe for more than one reader, so the
// adapter serialises TryGet with a mutex: that is how a user must use it,
// and the writers, which the library claims to handle concurrently, are
// left unserialised.
type Diode struct {
	noTasks
	d       *diodes.ManyToOne
	size    int
	readMu  sync.Mutex
	dropped atomic.Int64
}

// NewDiode returns a diode of capacity slots (8 if capacity <= 0).
func NewDiode(capacity int) *Diode {
	if capacity <= 0 {
		capacity = 8
	}
	q := &Diode{size: capacity}
	q.d = diodes.NewManyToOne(capacity, diodes.AlertFunc(func(missed int) {
		q.dropped.Add(int64(missed))
	}))
	return q
}

// Put is TryPut: a diode never waits.
func (q *Diode) Put(_ context.Context, v int) error { return q.TryPut(v) }

// TryPut is Set; it always succeeds, possibly dropping an unread item.
func (q *Diode) TryPut(v int) error {
	q.d.Set(diodes.GenericDataType(&v))
	return nil
}

// Get polls TryNext with a backoff until an item comes or ctx ends.
func (q *Diode) Get(ctx context.Context) (int, error) {
	return poll(ctx, queue.ErrEmpty, q.TryGet)
}

// TryGet is TryNext, one reader at a time.
func (q *Diode) TryGet() (int, error) {
	q.readMu.Lock()
	data, ok := q.d.TryNext()
	q.readMu.Unlock()
	if !ok {
		return 0, queue.ErrEmpty
	}
	return *(*int)(data), nil
}

// Dropped returns how many items the reader was told it missed so far.
func (q *Diode) Dropped() int64 { return q.dropped.Load() }

// Len is unknown.
func (q *Diode) Len() int { return -1 }

// Cap is the number of slots.
func (q *Diode) Cap() int { return q.size }
