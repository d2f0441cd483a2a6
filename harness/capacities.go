package harness

import (
	"fmt"
	"slices"
	"strings"
)

// Capacities returns the capacities to check the queues of f at: for each
// capacity asked for, the one the queue f makes really has (its Cap(), 0
// for unbounded), without repeats, in that order. An adapter that rounds
// 3 up to 4 is checked at 4; an unbounded-only queue at 0.
//
// A capacity f panics on (or returns nil for) is left out, and said in
// skipped ("unbounded not exercised: newQueue(0) panicked: ..."): a
// bounded-only queue is not asked for unbounded. Every harness resolves
// its capacities here, from [WithCapacities] or its own defaults.
func (f Factory) Capacities(asked []int) (caps []int, skipped []string) {
	for _, c := range asked {
		q, err := f.New(c)
		if err != nil {
			skipped = append(skipped, fmt.Sprintf("%s not exercised: %v", CapacityName(c), err))
			continue
		}
		has := max(q.Cap(), 0)
		_ = q.Shutdown(true)
		if !slices.Contains(caps, has) {
			caps = append(caps, has)
		}
	}
	return caps, skipped
}

// Resolve applies opts, in order, over the harness's defaults in s: an
// option h does not read, or a value out of range, is a [*SetupError]
// naming the option. It then resolves the capacities of f:
// [Factory.Capacities] of those asked for with [WithCapacities], else of defaults (nil: 0 to
// MaxCapacity, as fuzz's). A capacity asked for that f refuses is a setup
// error; a default one is skipped, and the skip logged and returned. No
// capacity at all is a setup error.
func (s *Settings) Resolve(h Harness, f Factory, opts []Option, defaults []int) (skipped []string, err error) {
	if err := s.apply(h, opts); err != nil {
		return nil, err
	}
	if defaults == nil {
		defaults = make([]int, s.MaxCapacity+1)
		for n := range defaults {
			defaults[n] = n
		}
	}
	return s.resolveCapacities(h, f, defaults)
}

func (s *Settings) resolveCapacities(h Harness, f Factory, defaults []int) (skipped []string, err error) {
	asked := s.Capacities
	explicit := asked != nil
	if !explicit {
		asked = defaults
	}
	caps, skipped := f.Capacities(asked)
	if explicit && len(skipped) > 0 {
		return skipped, setupErr(h, "WithCapacities: %s", skipped[0])
	}
	for _, why := range skipped {
		s.Logf("%s: %s (a bounded-only queue?)", h, why)
	}
	if len(caps) == 0 {
		return skipped, setupErr(h, "no capacity to check: %s", strings.Join(skipped, "; "))
	}
	for _, c := range caps {
		if !slices.Contains(asked, c) {
			s.Logf("%s: a queue asked for one of %v has Cap() %d: checked at capacity %d", h, asked, c, c)
		}
	}
	s.Capacities, s.CapacitiesGiven = caps, explicit
	return skipped, nil
}

// CapacityName writes capacity n as the harnesses report it: "unbounded"
// or "capacity 4".
func CapacityName(n int) string {
	if n == 0 {
		return "unbounded"
	}
	return fmt.Sprintf("capacity %d", n)
}
