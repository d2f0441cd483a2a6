package fast

import "sort"

// A value v is certainly queued at every instant strictly between the
// return of its put and the call of its get (for ever, if never got): its
// put took effect no later than the former and its get no earlier than the
// latter. Intervals are closed, so operations that touch may be ordered
// either way: the instant pr itself, or gc itself, is not certain.
//
// emptyWitness finds a try_get that answered empty although the open
// intervals (pr, gc) of the values cover its whole call [c, r], one value
// alone or several together. The union of the open intervals is built by
// one sweep in order of pr; each empty result is then one binary search.
func (fh *hist) emptyWitness() *violation {
	if len(fh.empties) == 0 {
		return nil
	}
	comps := fh.coverComponents()
	for _, e := range fh.empties {
		op := &fh.h.Operations[e]
		// the last component that starts before the call
		k := sort.Search(len(comps), func(k int) bool { return comps[k].lo >= op.Call }) - 1
		if k >= 0 && comps[k].hi > op.Return {
			return fh.witnessViolation(e)
		}
	}
	return nil
}

// span is an open interval of time (lo, hi).
type span struct{ lo, hi int64 }

// coverComponents returns the connected components of the union of the
// open intervals (pr, gc), sorted and disjoint. Two open intervals that only
// touch leave their common end uncovered, so they are not merged.
func (fh *hist) coverComponents() []span {
	var comps []span
	for _, i := range fh.returned() {
		v := &fh.vals[i]
		if v.pr >= v.gc {
			continue // got before its put returned: never certainly queued
		}
		if n := len(comps); n > 0 && v.pr < comps[n-1].hi {
			comps[n-1].hi = max(comps[n-1].hi, v.gc)
			continue
		}
		comps = append(comps, span{v.pr, v.gc})
	}
	return comps
}

// coverChain returns values whose open intervals (pr, gc) together cover
// the closed interval [c, r], greedily, each reaching furthest: the
// witnesses of an empty result.
func (fh *hist) coverChain(c, r int64) []int32 {
	byRet := fh.returned()
	var chain []int32
	j, best := 0, int32(-1)
	for at := c; ; {
		for ; j < len(byRet) && fh.vals[byRet[j]].pr < at; j++ {
			if best < 0 || fh.vals[byRet[j]].gc > fh.vals[best].gc {
				best = byRet[j]
			}
		}
		if best < 0 || fh.vals[best].gc <= at {
			return chain // not covered: cannot happen for a witness
		}
		chain = append(chain, best)
		if fh.vals[best].gc > r {
			return chain
		}
		at = fh.vals[best].gc
	}
}
