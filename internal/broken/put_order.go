package broken

import "github.com/pcqkit/pcq/queue"

// putOrder is a queue whose TryPut checks fullness before shutdown.
//
// The bug: TryPut on a full queue that is shut down returns ErrFull; Python
// 3.13 checks shutdown first, so it must return ErrShutDown.
//
// Caught by: property (fill, shutdown, try_put), fuzz.
type putOrder struct{ *base }

func newPutOrder(capacity int) queue.Queue[int] { return putOrder{newBase(capacity)} }

// TryPut appends v if there is room.
func (q putOrder) TryPut(v int) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.full() { // BUG: shutdown must be checked first
		return queue.ErrFull
	}
	if q.shut {
		return queue.ErrShutDown
	}
	q.put(v)
	return nil
}
