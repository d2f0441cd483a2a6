package main

import (
	"cmp"
	"runtime"

	abq "github.com/adrianbrad/queue"
)

// adrianbradPriorityEnds drives adrianbrad/queue's Priority (a
// container/heap under a mutex) with its non-blocking Offer and Get and
// runtime.Gosched after each failure: it has no blocking calls.
func adrianbradPriorityEnds(capacity int) ends {
	q := abq.NewPriority([]int(nil), func(a, b int) bool { return cmp.Less(a, b) }, abq.WithCapacity(capacity))
	return ends{
		func(v int) {
			for q.Offer(v) != nil {
				runtime.Gosched()
			}
		},
		func() int {
			for {
				if v, err := q.Get(); err == nil {
					return v
				}
				runtime.Gosched()
			}
		},
	}
}

// adrianbradBlockingEnds drives adrianbrad/queue's Blocking (a slice under
// a mutex, with a sync.Cond on each side) with its blocking OfferWait and
// GetWait.
func adrianbradBlockingEnds(capacity int) ends {
	q := abq.NewBlocking([]int(nil), abq.WithCapacity(capacity))
	return ends{q.OfferWait, q.GetWait}
}
