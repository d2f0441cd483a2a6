package broken

import "github.com/pcqkit/pcq/queue"

// taskDoneUnchecked is a queue whose TaskDone succeeds when called more
// times than items were put.
//
// The bug: TaskDone clamps the count at zero and returns nil instead of
// ErrTaskDone, hiding the caller's double TaskDone (Python raises
// ValueError).
//
// Caught by: property (task_done on a fresh queue), stress, fuzz.
type taskDoneUnchecked struct{ *base }

func newTaskDoneUnchecked(capacity int) queue.Queue[int] {
	return taskDoneUnchecked{newBase(capacity)}
}

// TaskDone marks one item as processed.
func (q taskDoneUnchecked) TaskDone() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.unfinished > 0 { // BUG: none unfinished must return ErrTaskDone
		q.unfinished--
		if q.unfinished == 0 {
			q.allDone.broadcast()
		}
	}
	return nil
}
