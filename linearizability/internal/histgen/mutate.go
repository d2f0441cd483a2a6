package histgen

import (
	"math/rand/v2"
	"slices"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// Mutate returns a copy of h with one small realistic corruption: two got
// values swapped, a result turned into empty or full, a get dropped or
// duplicated, an operation's times shifted, a len answer changed. The
// result may or may not still be linearizable; put values stay distinct,
// and one client's operations still never overlap.
func Mutate(rng *rand.Rand, h history.History) history.History {
	m := h
	m.Operations = slices.Clone(h.Operations)
	mutations := []func(*rand.Rand, *history.History) bool{
		swapGot, toEmpty, toFull, dropGet, duplicateGet, shift, shift, changeLen,
	}
	for range 8 {
		if mutations[rng.IntN(len(mutations))](rng, &m) {
			return m
		}
	}
	return m
}

// pick returns the index of a random operation that keep accepts, or -1.
func pick(rng *rand.Rand, h *history.History, keep func(*history.Operation) bool) int {
	found, n := -1, 0
	for i := range h.Operations {
		if keep(&h.Operations[i]) {
			n++
			if rng.IntN(n) == 0 {
				found = i
			}
		}
	}
	return found
}

func gotOK(op *history.Operation) bool {
	return (op.Input.Op == models.Get || op.Input.Op == models.TryGet) && op.Output.Result == models.OK
}

func putOK(op *history.Operation) bool {
	return (op.Input.Op == models.Put || op.Input.Op == models.TryPut) && op.Output.Result == models.OK
}

func swapGot(rng *rand.Rand, h *history.History) bool {
	a, b := pick(rng, h, gotOK), pick(rng, h, gotOK)
	if a < 0 || a == b {
		return false
	}
	ops := h.Operations
	ops[a].Output.Value, ops[b].Output.Value = ops[b].Output.Value, ops[a].Output.Value
	return true
}

// toEmpty turns a get that got a value into a try_get that found empty.
func toEmpty(rng *rand.Rand, h *history.History) bool {
	i := pick(rng, h, gotOK)
	if i < 0 {
		return false
	}
	h.Operations[i].Input.Op = models.TryGet
	h.Operations[i].Output = models.Output{Result: models.Empty}
	return true
}

// toFull turns a put that succeeded into a try_put that found full.
func toFull(rng *rand.Rand, h *history.History) bool {
	i := pick(rng, h, putOK)
	if i < 0 {
		return false
	}
	h.Operations[i].Input.Op = models.TryPut
	h.Operations[i].Output = models.Output{Result: models.Full}
	return true
}

func dropGet(rng *rand.Rand, h *history.History) bool {
	i := pick(rng, h, gotOK)
	if i < 0 {
		return false
	}
	h.Operations = slices.Delete(h.Operations, i, i+1)
	return true
}

// duplicateGet adds a get of an already got value, by a new client, at a
// random time near the original.
func duplicateGet(rng *rand.Rand, h *history.History) bool {
	i := pick(rng, h, gotOK)
	if i < 0 {
		return false
	}
	op := h.Operations[i]
	op.Client = newClient(h)
	d := op.Return - op.Call + 1
	op.Call += rng.Int64N(4*d) - 2*d
	op.Return = op.Call + rng.Int64N(d)
	h.Operations = append(h.Operations, op)
	return true
}

func newClient(h *history.History) int {
	c := 0
	for _, op := range h.Operations {
		c = max(c, op.Client+1)
	}
	return c
}

func changeLen(rng *rand.Rand, h *history.History) bool {
	i := pick(rng, h, func(op *history.Operation) bool {
		return op.Input.Op == models.Len && op.Output.Result == models.OK
	})
	if i < 0 {
		return false
	}
	v := &h.Operations[i].Output.Value
	*v = max(0, *v+int64(rng.IntN(3))-1)
	return true
}
