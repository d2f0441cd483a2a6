package broken

import (
	"slices"

	"github.com/pcqkit/pcq/queue"
)

// Bug is one deliberately broken queue.
type Bug struct {
	// Name is short and stable, for test names ("get-twice").
	Name string
	// Description says the bug in one sentence.
	Description string
	// New makes the queue; capacity <= 0 is unbounded, except where the
	// bug's queue is bounded only (it then panics, as the kit's Ring does).
	New func(capacity int) queue.Queue[int]
	// Catches names the harnesses that must fail on it with their default
	// options: "property", "stress", "fuzz".
	Catches []string
}

// CaughtBy reports whether harness is one of b.Catches.
func (b Bug) CaughtBy(harness string) bool { return slices.Contains(b.Catches, harness) }

// All returns every broken queue, in a fixed order.
func All() []Bug {
	return []Bug{
		{"lost-in-ring", "a lock-free ring claims its slot with load+store instead of CAS: overlapping puts overwrite each other",
			newLostRing, []string{"stress", "fuzz"}},
		{"get-twice", "a get reads the head and advances it in two critical sections: overlapping gets deliver one item twice and lose the next",
			newGetTwice, []string{"property", "stress", "fuzz"}},
		{"ring-grow-reorder", "the ring buffer grows by copying from index 0, not from the head: items that wrapped around come out first",
			newRingGrow, []string{"property", "stress", "fuzz"}},
		{"lost-wakeup", "a put wakes a blocked getter only when the queue was empty: a second getter sleeps on with an item queued",
			newWakeLost, []string{"property", "stress"}},
		{"cancelled-put-enqueues", "a put cancelled while the queue is full leaves its item parked, and a later get moves it in",
			newCancelPut, []string{"property", "stress", "fuzz"}},
		{"taskdone-race", "TaskDone reads and writes the unfinished count in two critical sections: overlapping calls lose a decrement and Join hangs",
			newTaskDoneRace, []string{"stress"}},
		{"join-early", "Join returns when the queue is empty although items got are not yet done",
			newJoinEarly, []string{"property", "stress", "fuzz"}},
		{"shutdown-getter-asleep", "Shutdown wakes one blocked getter, not all: the others never return",
			newShutdownAsleep, []string{"property", "stress"}},
		{"immediate-shutdown-count", "Shutdown(true) discards the items but not their unfinished tasks: Join never returns",
			newShutdownCount, []string{"property", "stress", "fuzz"}},
		{"tryput-full-before-shutdown", "TryPut on a full, shut-down queue returns ErrFull instead of ErrShutDown",
			newPutOrder, []string{"property", "fuzz"}},
		{"tryget-empty-after-shutdown", "TryGet on a shut-down, empty queue returns ErrEmpty instead of ErrShutDown",
			newGetShutdown, []string{"property", "stress", "fuzz"}},
		{"taskdone-unchecked", "TaskDone beyond the items put returns nil instead of ErrTaskDone",
			newTaskDoneUnchecked, []string{"property", "stress", "fuzz"}},
	}
}
