package verdicts

import (
	"slices"

	"github.com/pcqkit/pcq/queue"
)

// askCapacities are the capacities asked of every library: small ones,
// where bugs at the edges show, and unbounded.
var askCapacities = []int{1, 3, 4, 0}

// Capacities returns the capacities the harnesses should ask newQueue for:
// for each of 1, 3, 4 and unbounded, the capacity the queue it makes
// really has (its Cap()), without repeats, in that order. A library that
// rounds 3 up to 4 is asked for 4; one that cannot be unbounded is not
// asked for 0.
func Capacities(newQueue func(capacity int) queue.Queue[int]) []int {
	var out []int
	for _, c := range askCapacities {
		q := newQueue(c)
		got := q.Cap()
		_ = q.Shutdown(true)
		if !slices.Contains(out, got) {
			out = append(out, got)
		}
	}
	return out
}
