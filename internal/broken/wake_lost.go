package broken

import "github.com/pcqkit/pcq/queue"

// newWakeLost returns a queue whose Put does not always wake a blocked Get.
//
// The bug: a put wakes a getter only when the queue goes from empty to
// non-empty (a classic "optimisation" of the notify). Two puts in a row
// while two getters sleep wake only one of them; the other sleeps on while
// an item waits in the queue. With sentinels it never wakes: its consumer
// hangs.
//
// Caught by: the property protocol tests (consumers blocked when the
// sentinels are put; the watchdog reports the hang), stress.
func newWakeLost(capacity int) queue.Queue[int] {
	q := newBase(capacity)
	q.hooks.wakeGetter = func(q *base, before int) {
		if before == 0 { // BUG: every put must wake a getter, not only the first
			q.notEmpty.signal()
		}
	}
	return q
}
