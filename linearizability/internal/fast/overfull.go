package fast

import (
	"fmt"
	"strings"
)

// A value is certainly queued at every instant strictly between the
// return of its put and the call of its get (empty.go). So when more than
// capacity values are certainly queued at one instant, no linearization
// exists. An unknown get could have removed a value unseen, so this only
// counts when there are none.
//
// overfull sweeps the open intervals (pr, gc), ends before starts at equal
// instants (open intervals that touch share no instant), and returns the
// first instant-set of capacity+1 values, or nil.
func (fh *hist) overfull() *violation {
	c := fh.h.Capacity
	if c <= 0 || fh.unknownGets > 0 {
		return nil
	}
	keys := make([]sortKey, 0, 2*len(fh.vals))
	for i := range fh.vals {
		v := &fh.vals[i]
		if v.pr < v.gc { // never got: gc is inf, queued for ever
			keys = append(keys, sortKey{v.pr, int32(i)}, sortKey{v.gc, int32(i) | getBit})
		}
	}
	// ends (get bit set) sort first among equal instants: sort by
	// instant, then make ends come first with a stable pass.
	keys = sortKeys(keys)
	endsFirst(keys)
	queued := 0
	for _, k := range keys {
		if k.i < 0 {
			queued--
			continue
		}
		if queued++; queued > c {
			return fh.overfullViolation(k.k)
		}
	}
	return nil
}

// endsFirst reorders each run of equal instants so that ends come first.
func endsFirst(keys []sortKey) {
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi].k == keys[lo].k {
			hi++
		}
		if hi-lo > 1 {
			run := make([]sortKey, 0, hi-lo)
			for _, k := range keys[lo:hi] {
				if k.i < 0 {
					run = append(run, k)
				}
			}
			for _, k := range keys[lo:hi] {
				if k.i >= 0 {
					run = append(run, k)
				}
			}
			copy(keys[lo:hi], run)
		}
		lo = hi
	}
}

// overfullViolation names the values certainly queued just after at:
// put returned by then, get called after.
func (fh *hist) overfullViolation(at int64) *violation {
	var culprits []int
	var parts []string
	for i := range fh.vals {
		v := &fh.vals[i]
		if v.pr > at || v.gc <= at {
			continue
		}
		culprits = append(culprits, int(v.put))
		if v.got() {
			culprits = append(culprits, int(v.get))
		}
		parts = append(parts, fh.valueText(v.v))
	}
	return &violation{
		culprits: culprits,
		text: fmt.Sprintf("%d values were certainly queued just after %s, but the capacity is %d: %s (each put had returned and its get was not yet called)",
			len(parts), fh.times.text(at), fh.h.Capacity, strings.Join(parts, ", ")),
	}
}
