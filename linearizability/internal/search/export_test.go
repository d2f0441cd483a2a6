package search

import (
	"math/rand/v2"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/pcqkit/pcq/history"
)

// RemoveRandomUnits removes from h a random set of the units that the
// shrinker may remove together (exported for the external tests, which
// check that such removals keep a linearizable history linearizable).
func RemoveRandomUnits(h history.History, rng *rand.Rand) history.History {
	us := units(h)
	keep := make([]bool, len(us))
	var chunk []int
	for j, u := range us {
		keep[j] = true
		if u.kind != unitFixed && rng.IntN(3) == 0 {
			keep[j] = false
			chunk = append(chunk, j)
		}
	}
	// Keep back what may not go, until what goes is allowed by what stays
	// (keeping a unit back can forbid removing another).
	for changed := true; changed; {
		changed = false
		b := blockersOf(h, us, keep)
		for _, j := range chunk {
			if !keep[j] && !b.allows(us[j].kind) {
				keep[j], changed = true, true
			}
		}
	}
	sub := history.History{Kind: h.Kind, Capacity: h.Capacity}
	for j, u := range us {
		if keep[j] {
			for _, i := range u.ops {
				sub.Operations = append(sub.Operations, h.Operations[i])
			}
		}
	}
	return sub
}

// DropTrailing removes from h the units the shrinker drops without a
// check, as trailing (exported for the external tests).
func DropTrailing(h history.History) history.History {
	s := &shrinker{h: h, us: units(h)}
	s.keep = make([]bool, len(s.us))
	for j := range s.keep {
		s.keep[j] = true
	}
	s.dropTrailing()
	sub := history.History{Kind: h.Kind, Capacity: h.Capacity}
	for _, i := range s.kept() {
		sub.Operations = append(sub.Operations, h.Operations[i])
	}
	return sub
}

// StackSetAside returns the number of operations that [Check] sets
// aside in h before its search (exported for the external tests).
func StackSetAside(h history.History) int {
	keep, ok := stackKeep(h, Indices(len(h.Operations)))
	if !ok {
		return 0
	}
	return len(h.Operations) - len(keep)
}

// CheckWhole runs porcupine on the whole of h, setting nothing aside
// (exported for the benchmark that compares).
func CheckWhole(h history.History, timeout time.Duration) porcupine.CheckResult {
	return porcupine.CheckOperationsTimeout(Model(h), Ops(h, Indices(len(h.Operations))), timeout)
}
