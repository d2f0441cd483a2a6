package sync

import (
	"sync"

	"github.com/pcqkit/pcq/stress/sched"
)

// Pool is [sync.Pool] outside a scheduler. Under a scheduler Get always
// returns New() (or nil) and Put drops x: a Pool is process-wide, and an
// item made in one testing/synctest bubble (a waiter holding a channel, as
// in queue/waitq.go) is fatal when another bubble takes it from the pool.
// A pool is a cache that may drop anything at any time, so this is a
// behaviour the standard Pool can have too.
type Pool struct {
	pool sync.Pool

	// New optionally specifies a function to generate a value when Get
	// would otherwise return nil.
	New func() any
}

// Get is [sync.Pool.Get]; under a scheduler it is New() (or nil).
func (p *Pool) Get() any {
	if sched.Managed() {
		return p.made()
	}
	if x := p.pool.Get(); x != nil {
		return x
	}
	return p.made()
}

// Put is [sync.Pool.Put]; under a scheduler it drops x.
func (p *Pool) Put(x any) {
	if sched.Managed() {
		return
	}
	p.pool.Put(x)
}

// made is a new value from New, or nil without New.
func (p *Pool) made() any {
	if p.New == nil {
		return nil
	}
	return p.New()
}
