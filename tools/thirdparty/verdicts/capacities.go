package verdicts

import (
	"github.com/pcqkit/pcq/harness"
)

// askCapacities are the capacities asked of every library: small ones,
// where bugs at the edges show, and unbounded.
var askCapacities = []int{1, 3, 4, 0}

// Capacities returns the capacities the harnesses should ask newQueue for:
// for each of 1, 3, 4 and unbounded, the capacity the queue it makes
// really has (its Cap()), without repeats, in that order. A library that
// rounds 3 up to 4 is asked for 4; one that cannot be unbounded (its
// factory panics on 0) is not asked for 0. See harness.Factory.Capacities.
func Capacities(newQueue harness.Factory) []int {
	caps, _ := newQueue.Capacities(askCapacities)
	return caps
}
