package broken

import (
	"context"

	"github.com/pcqkit/pcq/queue"
)

// joinEarly is a queue whose Join returns as soon as the queue is empty.
//
// The bug: Join takes "nothing queued" for "every task done". An item that
// was got but not yet marked done with TaskDone is unfinished, and Join
// must wait for it.
//
// Caught by: property (put, get, then join must block), stress, fuzz.
type joinEarly struct{ *base }

func newJoinEarly(capacity int) queue.Queue[int] { return joinEarly{newBase(capacity)} }

// Join waits until every item put has been marked done.
func (q joinEarly) Join(ctx context.Context) error {
	if q.Len() == 0 {
		return nil // BUG: items got but not yet done are still unfinished
	}
	return q.base.Join(ctx)
}
