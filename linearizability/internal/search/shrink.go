package search

import (
	"slices"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// Shrinking a violation. Operations are removed in units, and a unit is
// removed only when its removal is monotone: it turns no linearizable
// history into a violation. Then a violating subset proves the whole
// history a violation, and what is left is a core of it, not a new
// violation made by the removal (as dropping the put of a value that is
// got would make). The units, and when they may go:
//
//   - an observer (an operation that changes no state: a canceled, full,
//     empty, shutdown or error result, len, join): always;
//   - a value: every put of one value that took effect or might have (ok,
//     unknown) with every get that returned it: when no full result, len
//     ok or task_done ok remains (they count items or tasks);
//   - a task_done ok: when no task_done error or join ok remains;
//   - a soft shutdown: when no shutdown result remains;
//   - anything else (an immediate shutdown, an unknown get, task_done or
//     shutdown): never, unless it trails (below).
//
// A unit trails when it holds only operations that are legal at the end of
// any order (an unknown result, a shutdown ok), all called after every
// kept operation of the other units with a known result returned.
// Removing every trailing unit changes no verdict: a linearization without
// them can be made to place every point before their calls (an unknown
// with an effect after the last known operation may as well have had
// none), and extends with them at the end, at their calls, in call order
// (unknowns with no effect). Trailing units go without a check.
//
// Each condition only names observers, task_done ok and values; checking
// every condition against what remains after removing a whole chunk is
// therefore the same as removing the chunk one unit at a time, observers
// first, then task_done, shutdown, values.

type unitKind uint8

const (
	unitObserver unitKind = iota
	unitValue
	unitTaskDone
	unitSoftShutdown
	unitFixed
)

type unit struct {
	kind unitKind
	ops  []int // indices in History.Operations
}

// units groups the operations of h into units, in order of first operation.
func units(h history.History) []unit {
	var us []unit
	byValue := map[int64]int{} // value → index in us
	for i, op := range h.Operations {
		k := unitKindOf(op)
		if k != unitValue {
			us = append(us, unit{kind: k, ops: []int{i}})
			continue
		}
		v := op.Input.Value
		if op.Input.Op == models.Get || op.Input.Op == models.TryGet {
			v = op.Output.Value
		}
		if u, ok := byValue[v]; ok {
			us[u].ops = append(us[u].ops, i)
			continue
		}
		byValue[v] = len(us)
		us = append(us, unit{kind: unitValue, ops: []int{i}})
	}
	return us
}

func unitKindOf(op history.Operation) unitKind {
	res := op.Output.Result
	switch op.Input.Op {
	case models.Put, models.TryPut:
		if res == models.OK || res == models.Unknown {
			return unitValue
		}
	case models.Get, models.TryGet:
		if res == models.OK {
			return unitValue
		}
		if res == models.Unknown {
			return unitFixed
		}
	case models.TaskDone:
		switch res {
		case models.OK:
			return unitTaskDone
		case models.Unknown:
			return unitFixed
		}
	case models.Shutdown:
		if op.Input.Immediate || res == models.Unknown {
			return unitFixed
		}
		return unitSoftShutdown
	}
	return unitObserver
}

// blockers counts, among the units kept, what forbids removing units.
type blockers struct {
	counted   int // full results, len ok, task_done ok: block values
	zeroTasks int // task_done error, join ok: block task_done ok
	shutRes   int // shutdown results: block soft shutdowns
}

func blockersOf(h history.History, us []unit, keep []bool) blockers {
	var b blockers
	for j, u := range us {
		if !keep[j] {
			continue
		}
		for _, i := range u.ops {
			op := h.Operations[i]
			switch {
			case op.Output.Result == models.Full && h.Capacity > 0, // unbounded: a violation alone, whatever the count
				op.Input.Op == models.Len && op.Output.Result == models.OK,
				op.Input.Op == models.TaskDone && op.Output.Result == models.OK:
				b.counted++
			}
			switch {
			case op.Input.Op == models.TaskDone && op.Output.Result == models.Error,
				op.Input.Op == models.Join && op.Output.Result == models.OK:
				b.zeroTasks++
			}
			if op.Output.Result == models.Closed {
				b.shutRes++
			}
		}
	}
	return b
}

func (b blockers) allows(k unitKind) bool {
	switch k {
	case unitObserver:
		return true
	case unitValue:
		return b.counted == 0
	case unitTaskDone:
		return b.zeroTasks == 0
	case unitSoftShutdown:
		return b.shutRes == 0
	}
	return false
}

// shrinker removes units from a violating history while it stays one.
type shrinker struct {
	h        history.History
	us       []unit
	keep     []bool
	deadline time.Time
	memory   int64 // the memory budget of each search (memory.go); 0: none
	done     bool  // false when the deadline cut the search short
}

// Shrink returns the indices of a small violating subset of h's
// operations, sorted, and whether it is minimal (no single removable unit
// can go). Each search it runs is held to the memory budget (0: none).
func Shrink(h history.History, budget time.Duration, memory int64) ([]int, bool) {
	s := &shrinker{h: h, us: units(h), deadline: time.Now().Add(budget), memory: memory}
	s.keep = make([]bool, len(s.us))
	for j := range s.keep {
		s.keep[j] = true
	}
	s.done = s.run()
	return s.kept(), s.done
}

// run first looks for a small window of units, in time order, that is a
// violation on its own (cheap checks, and most violations are local), then
// does delta debugging over the removable units: chunks of halving size,
// then single units until nothing more goes. It returns false when the
// deadline stopped it.
func (s *shrinker) run() bool {
	defer s.dropTrailing()
	s.dropTrailing()
	if !s.window() {
		return false
	}
	for size := len(s.us) / 2; size > 1; size /= 2 {
		if !s.pass(size) {
			return false
		}
	}
	for {
		before := slices.Clone(s.keep)
		if !s.pass(1) {
			return false
		}
		if slices.Equal(before, s.keep) {
			return true
		}
	}
}

// window keeps only the first window of consecutive units (and the units
// that cannot be removed) that is a violation alone, trying windows of 32,
// 128, 512, ... units, each overlapping the next by half.
func (s *shrinker) window() bool {
	for w := 32; w < len(s.us)/2; w *= 4 {
		for lo := 0; lo < len(s.us); lo += w / 2 {
			if time.Now().After(s.deadline) {
				return false
			}
			if s.tryKeep(lo, min(lo+w, len(s.us))) {
				return true
			}
		}
	}
	return true
}

// tryKeep keeps only the units in [lo, hi) and those that cannot be
// removed, if that is allowed and leaves a violation.
func (s *shrinker) tryKeep(lo, hi int) bool {
	before := slices.Clone(s.keep)
	var removed []int
	for j := range s.keep {
		if (j < lo || j >= hi) && s.us[j].kind != unitFixed {
			s.keep[j] = false
			removed = append(removed, j)
		}
	}
	b := blockersOf(s.h, s.us, s.keep)
	allowed := true
	for _, j := range removed {
		allowed = allowed && b.allows(s.us[j].kind)
	}
	if allowed && s.violates() {
		return true
	}
	s.keep = before
	return false
}

// dropTrailing removes the trailing units.
func (s *shrinker) dropTrailing() {
	last := int64(-1 << 63) // the last known return outside trailing-type units
	for j, u := range s.us {
		if s.keep[j] && !s.trailingOps(u) {
			for _, i := range u.ops {
				if op := s.h.Operations[i]; op.Output.Result != models.Unknown {
					last = max(last, op.Return)
				}
			}
		}
	}
	for j, u := range s.us {
		if s.keep[j] && s.trailingOps(u) && s.firstCall(u) > last {
			s.keep[j] = false
		}
	}
}

// trailingOps reports whether every operation of u is legal at the end of
// any order: an unknown result, or a shutdown ok.
func (s *shrinker) trailingOps(u unit) bool {
	for _, i := range u.ops {
		op := s.h.Operations[i]
		if op.Output.Result != models.Unknown && op.Input.Op != models.Shutdown {
			return false
		}
	}
	return true
}

func (s *shrinker) firstCall(u unit) int64 {
	c := s.h.Operations[u.ops[0]].Call
	for _, i := range u.ops {
		c = min(c, s.h.Operations[i].Call)
	}
	return c
}

// pass tries to remove each chunk of size kept units.
func (s *shrinker) pass(size int) bool {
	var live []int
	for j, k := range s.keep {
		if k && s.us[j].kind != unitFixed {
			live = append(live, j)
		}
	}
	for lo := 0; lo < len(live); lo += size {
		if time.Now().After(s.deadline) {
			return false
		}
		s.tryRemove(live[lo:min(lo+size, len(live))])
	}
	return true
}

// tryRemove removes the units chunk if that is allowed and leaves a
// violation.
func (s *shrinker) tryRemove(chunk []int) {
	for _, j := range chunk {
		s.keep[j] = false
	}
	b := blockersOf(s.h, s.us, s.keep)
	allowed := true
	for _, j := range chunk {
		allowed = allowed && b.allows(s.us[j].kind)
	}
	if allowed && s.violates() {
		return
	}
	for _, j := range chunk {
		s.keep[j] = true
	}
}

func (s *shrinker) violates() bool {
	left := time.Until(s.deadline)
	if left <= 0 {
		return false
	}
	// One hard subset must not eat the whole budget.
	return run(s.h, s.kept(), Limits{Timeout: max(left/4, min(left, 100*time.Millisecond)), Memory: s.memory}) == porcupine.Illegal
}

func (s *shrinker) kept() []int {
	var idx []int
	for j, k := range s.keep {
		if k {
			idx = append(idx, s.us[j].ops...)
		}
	}
	slices.Sort(idx)
	return idx
}
