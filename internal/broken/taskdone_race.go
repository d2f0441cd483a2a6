package broken

import "github.com/pcqkit/pcq/queue"

// taskDoneRace is a queue whose TaskDone loses updates of the unfinished
// count when it overlaps another TaskDone or a Put.
//
// The bug: TaskDone reads the count in one critical section and writes the
// decremented value in another (a read-modify-write split in two, as a
// load followed by a store instead of a CAS). Two overlapping TaskDone
// calls both write n-1: the count stays above zero and Join never returns.
// No data race: every access holds the mutex.
//
// Caught by: the property protocol tests when consumers call TaskDone at
// the same time (Join hangs; the watchdog reports it), stress.
type taskDoneRace struct{ *base }

func newTaskDoneRace(capacity int) queue.Queue[int] {
	return taskDoneRace{newBase(capacity)}
}

// TaskDone marks one item as processed.
func (q taskDoneRace) TaskDone() error {
	q.mu.Lock()
	n := q.unfinished
	q.mu.Unlock()
	if n <= 0 {
		return queue.ErrTaskDone
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	q.unfinished = n - 1 // BUG: overwrites any change made since the read
	if q.unfinished == 0 {
		q.allDone.broadcast()
	}
	return nil
}
