package broken

import "github.com/pcqkit/pcq/queue"

// getShutdown is a queue whose TryGet returns ErrEmpty on a shut-down,
// empty queue.
//
// The bug: TryGet checks only emptiness; ErrShutDown must win over
// ErrEmpty once the queue is shut down, or a consumer that polls never
// learns that it should stop.
//
// Caught by: property (shutdown, try_get), stress, fuzz.
type getShutdown struct{ *base }

func newGetShutdown(capacity int) queue.Queue[int] { return getShutdown{newBase(capacity)} }

// TryGet removes the next item if there is one.
func (q getShutdown) TryGet() (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.items.len() == 0 {
		return 0, queue.ErrEmpty // BUG: ErrShutDown when shut down
	}
	return q.get(), nil
}
