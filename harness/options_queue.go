package harness

import (
	"fmt"

	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
)

// WithModel chooses the model the queue is held to: [models.FIFO] (the
// default), [models.LIFO] or [models.Priority] (smallest int first).
// Read by property, stress, fuzz and explore.
func WithModel(k models.Kind) Option {
	return option{"WithModel", all, func(s *Settings) error {
		if _, err := models.ParseKind(k.String()); err != nil {
			return err
		}
		s.Model = k
		return nil
	}}
}

// WithCapacities chooses the capacities to check, in turn; 0 means
// unbounded. A queue is held to the capacity its Cap() reports (see
// [Factory.Capacities]), and a capacity the factory refuses is a setup
// error. The defaults are the harness's (property 1, 3, unbounded; stress
// 1, 4, unbounded; fuzz 0 to [WithMaxCapacity]), unbounded left out when
// the factory panics on it: a bounded-only queue. For fuzz, they are the
// capacities the first byte of an input picks from; for explore (default
// 0, 1 and 2 where the queue takes them), the ones its scenarios draw from.
// Read by property, stress, fuzz and explore.
func WithCapacities(capacities ...int) Option {
	return option{"WithCapacities", all, func(s *Settings) error {
		for _, c := range capacities {
			if c < 0 {
				return fmt.Errorf("%d: want 0 (unbounded) or more", c)
			}
		}
		s.Capacities = append([]int{}, capacities...)
		return nil
	}}
}

// WithRelaxations holds the queue to the named relaxations of the strict
// model (linearizability.SpuriousTryFailures, linearizability.Lossy)
// instead of the strict model, the default. Every history is checked
// under them, and the checks that assume what they relax are relaxed or
// skipped (each harness's doc says which); a failure names them. Read by
// property, stress, fuzz and explore.
func WithRelaxations(rs ...linearizability.Relaxation) Option {
	return setting("WithRelaxations", all, func(s *Settings) { s.Relaxations = append(s.Relaxations, rs...) })
}
