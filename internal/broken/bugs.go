package broken

import (
	"slices"

	"github.com/pcqkit/pcq/harness"
)

// Bug is one deliberately broken queue.
type Bug struct {
	// Name is short and stable, for test names ("get-twice").
	Name string
	// Description says the bug in one sentence.
	Description string
	// New makes the queue; capacity <= 0 is unbounded, except where the
	// bug's queue is bounded only (it then panics, as the kit's Ring does).
	New harness.Factory
	// Catches lists the harnesses that must fail on it with their default
	// options.
	Catches []harness.Harness
}

// shapes are the scenarios that some bugs need, ones that drawn scenarios
// seldom are, in the text of stress.Explore's WithScenario (see Shape).
var shapes = map[string]string{
	"fill-wakes-one": "c0=get~,get~,put,put", // two getters asleep while two clients' puts overlap
}

// Shape returns the scenario the bug needs when drawn scenarios seldom are
// one (in the text of harness.WithScenario), or "". The controlled
// scheduler finds such a bug on that scenario; tests that draw scenarios
// do not expect it of them.
func (b Bug) Shape() string { return shapes[b.Name] }

// CaughtBy reports whether h is one of b.Catches.
func (b Bug) CaughtBy(h harness.Harness) bool { return slices.Contains(b.Catches, h) }

// The sets of harnesses that catch a bug.
var (
	all        = []harness.Harness{harness.Property, harness.Stress, harness.Fuzz}
	propStress = []harness.Harness{harness.Property, harness.Stress}
	propFuzz   = []harness.Harness{harness.Property, harness.Fuzz}
	stressFuzz = []harness.Harness{harness.Stress, harness.Fuzz}
	stressOnly = []harness.Harness{harness.Stress}
)

// All returns every broken queue, in a fixed order.
func All() []Bug {
	return []Bug{
		{"lost-in-ring", "a lock-free ring claims its slot with load+store instead of CAS: overlapping puts overwrite each other",
			newLostRing, stressFuzz},
		{"get-twice", "a get reads the head and advances it in two critical sections: overlapping gets deliver one item twice and lose the next",
			newGetTwice, all},
		{"ring-grow-reorder", "the ring buffer grows by copying from index 0, not from the head: items that wrapped around come out first",
			newRingGrow, all},
		{"lost-wakeup", "a put wakes a blocked getter only when the queue was empty: a second getter sleeps on with an item queued",
			newWakeLost, propStress},
		{"canceled-put-enqueues", "a put canceled while the queue is full leaves its item parked, and a later get moves it in",
			newCancelPut, all},
		{"taskdone-race", "TaskDone reads and writes the unfinished count in two critical sections: overlapping calls lose a decrement and Join hangs",
			newTaskDoneRace, stressOnly},
		{"join-early", "Join returns when the queue is empty although items got are not yet done",
			newJoinEarly, all},
		{"shutdown-getter-asleep", "Shutdown wakes one blocked getter, not all: the others never return",
			newShutdownAsleep, propStress},
		{"immediate-shutdown-count", "Shutdown(true) discards the items but not their unfinished tasks: Join never returns",
			newShutdownCount, all},
		{"tryput-full-before-shutdown", "TryPut on a full, shut-down queue returns ErrFull instead of ErrShutDown",
			newPutOrder, propFuzz},
		{"tryget-empty-after-shutdown", "TryGet on a shut-down, empty queue returns ErrEmpty instead of ErrShutDown",
			newGetShutdown, all},
		{"taskdone-unchecked", "TaskDone beyond the items put returns nil instead of ErrTaskDone",
			newTaskDoneUnchecked, all},
		{"fill-wakes-one", "a put reserves its position and fills it in a second critical section, and the fill wakes one getter though the items filled behind it became gettable too: a second getter sleeps on with an item queued",
			newFillWakesOne, stressOnly},
	}
}
