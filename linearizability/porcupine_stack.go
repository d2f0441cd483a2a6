package linearizability

import "github.com/pcqkit/pcq/models"

// Shrinking unbounded LIFO histories before porcupine.
//
// On a stack, a put of v followed at once by the get of v changes nothing
// that any other operation sees. So when the put of v and the only get
// that returned v overlap in time, the history is linearizable if and only
// if it is without those two operations: take a linearization of the rest;
// every operation that must come before the pair (it returned before the
// get of v was called, so before the put of v returned) precedes in real
// time every operation that must come after it (called after the put of v
// returned, so after the get of v was called), so some point of that
// linearization has the first kind all before it and the second all after
// it, and the pair fits there. Removing such pairs is sound both ways and
// can leave porcupine a fraction of the history: concurrent stacks hand
// most items over while their put is still returning.
//
// Removing the pair keeps a linearizable history linearizable because no
// other operation can tell that the value was ever there: the items that
// remain still come off in LIFO order, and a get that found the stack
// empty still finds it empty. A len could tell (it counts the value), and
// so could task_done and join (the put adds an unfinished task), and a
// bounded stack could be full where the pair goes. So it applies to
// unbounded LIFO histories with distinct put values, only put, try_put,
// get and try_get, and no unknown result.

// stackKeep returns the indices of the operations of h that remain once
// every overlapping put/get pair is removed, and whether any was: nil,
// false when h is not a history it applies to or nothing is removed.
func stackKeep(h History) ([]int, bool) {
	if h.Kind != models.LIFO || h.Capacity > 0 {
		return nil, false
	}
	puts := map[int64]int{}
	gets := map[int64][]int{}
	for i, op := range h.Operations {
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
	drop := make([]bool, len(h.Operations))
	removed := false
	for v, gs := range gets {
		p, ok := puts[v]
		if !ok || len(gs) != 1 {
			continue
		}
		put, get := &h.Operations[p], &h.Operations[gs[0]]
		if get.Call < put.Return && put.Call < get.Return {
			drop[p], drop[gs[0]], removed = true, true, true
		}
	}
	if !removed {
		return nil, false
	}
	keep := make([]int, 0, len(h.Operations))
	for i := range h.Operations {
		if !drop[i] {
			keep = append(keep, i)
		}
	}
	return keep, true
}

// stackShrinkable reports whether op may be in a history that stackKeep
// shrinks.
func stackShrinkable(op Operation) bool {
	if op.Output.Result == models.Unknown {
		return false
	}
	switch op.Input.Op {
	case models.Put, models.TryPut, models.Get, models.TryGet:
		return true
	}
	return false
}
