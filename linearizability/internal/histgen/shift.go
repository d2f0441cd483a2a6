package histgen

import (
	"math/rand/v2"
	"slices"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// shift moves an operation's call and return to random times between the
// neighbouring operations of its client, so that its overlaps change but
// the client's operations still never overlap.
func shift(rng *rand.Rand, h *history.History) bool {
	i := pick(rng, h, func(op *history.Operation) bool { return op.Output.Result != models.Unknown })
	if i < 0 {
		return false
	}
	op := &h.Operations[i]
	lo, hi := window(h, i)
	if lo > hi {
		return false
	}
	a, b := lo+rng.Int64N(hi-lo+1), lo+rng.Int64N(hi-lo+1)
	op.Call, op.Return = min(a, b), max(a, b)
	return true
}

// window returns the earliest call and latest return operation i may have
// without overlapping its client's other operations.
func window(h *history.History, i int) (lo, hi int64) {
	op := &h.Operations[i]
	span := op.Return - op.Call + 2
	lo, hi = op.Call-2*span, op.Return+2*span
	for j := range h.Operations {
		o := &h.Operations[j]
		if j == i || o.Client != op.Client {
			continue
		}
		if o.Call > op.Return || (o.Call == op.Return && j > i) {
			hi = min(hi, o.Call-1)
		} else {
			end := o.Return
			if o.Output.Result == models.Unknown {
				end = o.Call
			}
			lo = max(lo, end+1)
		}
	}
	return lo, hi
}

// Narrow returns a copy of h with the interval of one operation that
// returned narrowed to a random part of it: fewer orders explain the
// history, so a capacity or an order that had room to spare may no longer
// (the subtle violations of bounded queues). One client's operations still
// never overlap, and put values stay distinct.
func Narrow(rng *rand.Rand, h history.History) history.History {
	m := h
	m.Operations = slices.Clone(h.Operations)
	i := pick(rng, &m, func(op *history.Operation) bool { return op.Output.Result != models.Unknown })
	if i < 0 {
		return m
	}
	op := &m.Operations[i]
	a, b := op.Call+rng.Int64N(op.Return-op.Call+1), op.Call+rng.Int64N(op.Return-op.Call+1)
	op.Call, op.Return = min(a, b), max(a, b)
	return m
}
