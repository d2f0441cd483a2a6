package search

import (
	"slices"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// Shrinking unbounded LIFO histories before porcupine.
//
// On a stack, a put of v followed at once by the get of v changes nothing
// that any other operation sees. Take such a pair (the put of v and the
// only get that returned v), and let A be the other operations that must
// come before it (each returned before the put or the get was called) and
// B those that must come after it (each called after the put or the get
// returned). When every operation of A returned before every operation of
// B was called, the history is linearizable if and only if it is without
// the pair:
//
//   - if: take a linearization of the rest. Real time puts all of A before
//     all of B in it, so some point of it has A all before and B all
//     after; the put of v and its get, one after the other there, give
//     their results and change nothing for the others.
//   - only if: remove the pair from a linearization of the whole. No other
//     operation can tell that v was ever there: the items that remain
//     still come off in LIFO order, and a get that found the stack empty
//     still finds it empty.
//
// A pair whose put and get overlap in time always qualifies; so does one
// that no other operation overlaps only in part. Removing a pair shrinks
// the A and B of the others, so the rule is applied until nothing more
// goes. Canceled operations had no effect and could be anywhere in their
// interval: they constrain nothing, and go too.
//
// A len could tell that v was there (it counts it), and so could task_done
// and join (the put adds an unfinished task); a bounded stack could be
// full where the pair goes; an unknown result may have taken effect or
// not. So it applies to unbounded LIFO histories with distinct put values,
// only put, try_put, get and try_get, and no unknown result.

// stackPair is a value's put and the get that returned it.
type stackPair struct{ put, get int }

// stackKeep returns the indices, among idx, of the operations of h that
// remain once every pair that qualifies is removed, and the canceled
// operations too, and whether any pair was: nil, false when the
// operations at idx are not a history it applies to or no pair qualifies.
func stackKeep(h history.History, idx []int) ([]int, bool) {
	pairs, ok := stackPairs(h, idx)
	if !ok || len(pairs) == 0 {
		return nil, false
	}
	s := newStackShrink(h, idx)
	for removed := true; removed; {
		removed = false
		for i, p := range pairs {
			if p.put >= 0 && s.removable(p) {
				s.remove(p)
				pairs[i].put, removed = -1, true
			}
		}
	}
	if !s.removedAny {
		return nil, false
	}
	keep := make([]int, 0, len(idx))
	for _, i := range idx {
		if !s.gone[i] && h.Operations[i].Output.Result != models.Canceled {
			keep = append(keep, i)
		}
	}
	return keep, true
}

// stackPairs returns the put/get pairs among the operations of h at idx,
// or false when they are not a history the shrinking applies to. A value
// got twice, or got and never put, makes no pair (porcupine finds the
// violation).
func stackPairs(h history.History, idx []int) ([]stackPair, bool) {
	if h.Kind != models.LIFO || h.Capacity > 0 {
		return nil, false
	}
	puts := map[int64]int{}
	gets := map[int64][]int{}
	for _, i := range idx {
		op := h.Operations[i]
		if !stackShrinkable(op) {
			return nil, false
		}
		switch in := op.Input.Op; {
		case op.Output.Result != models.OK:
		case in == models.Put || in == models.TryPut:
			if _, dup := puts[op.Input.Value]; dup {
				return nil, false
			}
			puts[op.Input.Value] = i
		case in == models.Get || in == models.TryGet:
			gets[op.Output.Value] = append(gets[op.Output.Value], i)
		}
	}
	var pairs []stackPair
	for v, gs := range gets {
		p, ok := puts[v]
		if !ok || len(gs) != 1 || h.Operations[gs[0]].Return < h.Operations[p].Call {
			continue // no put, got twice, or got before put: a violation
		}
		pairs = append(pairs, stackPair{put: p, get: gs[0]})
	}
	slices.SortFunc(pairs, func(a, b stackPair) int { return a.put - b.put })
	return pairs, true
}

// stackShrinkable reports whether op may be in a history that stackKeep
// shrinks. A result the operation may not have at all (try_get canceled)
// keeps the history whole: porcupine reports it.
func stackShrinkable(op history.Operation) bool {
	if op.Output.Result == models.Unknown || !op.Input.Op.Allowed(op.Output.Result) {
		return false
	}
	switch op.Input.Op {
	case models.Put, models.TryPut, models.Get, models.TryGet:
		return true
	}
	return false
}
