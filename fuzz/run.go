package fuzz

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/pcqkit/pcq/internal/scenario"
	"github.com/pcqkit/pcq/queue"
)

// RunOne decodes data into a scenario, runs it on a fresh queue made by
// newQueue and checks it, as one input of [Check] does. It returns nil
// when every check passed and the history was found linearizable, else a
// [*Failure] (matching [ErrFailed]) that explains what failed and shows
// the decoded scenario. With [WithArtifacts], the failing history and its
// visualisation are written there.
func RunOne(newQueue func(capacity int) queue.Queue[int], data []byte, opts ...Option) error {
	c := newConfig(opts)
	_, err := c.runOne(newQueue, c.resolveCapacities(newQueue), data, "input")
	return err
}

// runOne is RunOne with the capacities resolved; name prefixes the
// artefact files. A passing run returns what it did not exercise, if
// anything, as a note.
func (c *config) runOne(newQueue func(int) queue.Queue[int], caps []int, data []byte, name string) (note string, err error) {
	s := c.decode(data, caps)
	asked := s.Capacity
	q, err := scenario.NewQueue(newQueue, asked)
	if err != nil {
		return "", &Failure{Check: string(scenario.Setup), Explanation: err.Error(), Input: slices.Clone(data),
			Scenario: s.String(), Asked: asked, Capacity: asked}
	}
	s.Capacity = max(q.Cap(), 0) // the model holds the queue to the capacity it has
	o := scenario.Run(context.Background(), func(int) queue.Queue[int] { return q }, s, scenario.Options{
		Kind:         c.kind,
		Checker:      c.checker,
		CheckTimeout: c.timeout,
		Watchdog:     c.watchdog,
		Relaxations:  c.relax,
	})
	if o.Passed() {
		return notExercised(o), nil
	}
	f := newFailure(o, s, data, asked)
	if c.artifacts != "" {
		f.writeArtifacts(c.artifacts, name)
	}
	return "", f
}

// notExercised says what a passing run could not check ("" if nothing),
// after its verdict when it was checked under relaxations.
func notExercised(o scenario.Outcome) string {
	var parts []string
	if len(o.Relaxations) > 0 {
		parts = append(parts, o.Report.VerdictText())
	}
	if len(o.Unsupported) > 0 {
		parts = append(parts, fmt.Sprintf("not exercised (errors.ErrUnsupported): %v", o.Unsupported))
	}
	for _, p := range o.NotProbed {
		parts = append(parts, "not probed: "+p)
	}
	return strings.Join(parts, "; ")
}

// resolveCapacities returns the capacities the first byte picks from:
// the ones asked for, else 0..maxCapacity without 0 when newQueue panics
// on it (a bounded-only queue).
func (c *config) resolveCapacities(newQueue func(int) queue.Queue[int]) []int {
	if len(c.capacities) > 0 {
		return c.capacities
	}
	caps := make([]int, 0, c.maxCapacity+1)
	if q, err := scenario.NewQueue(newQueue, 0); err == nil {
		_ = q.Shutdown(true)
		caps = append(caps, 0)
	}
	for n := 1; n <= c.maxCapacity; n++ {
		caps = append(caps, n)
	}
	return caps
}
