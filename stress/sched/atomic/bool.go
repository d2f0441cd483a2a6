package atomic

import (
	"sync/atomic"
	"unsafe"

	"github.com/pcqkit/pcq/stress/sched"
)

// Bool is [atomic.Bool] whose every method is a scheduling point. It wraps
// the real type, so its size and alignment are those of [atomic.Bool].
type Bool struct {
	v atomic.Bool
}

// Load is [atomic.Bool.Load] at a scheduling point.
func (x *Bool) Load() bool {
	sched.Point("atomic.Bool.Load", unsafe.Pointer(x))
	return x.v.Load()
}

// Store is [atomic.Bool.Store] at a scheduling point.
func (x *Bool) Store(val bool) {
	sched.Point("atomic.Bool.Store", unsafe.Pointer(x))
	x.v.Store(val)
}

// Swap is [atomic.Bool.Swap] at a scheduling point.
func (x *Bool) Swap(new bool) (old bool) {
	sched.Point("atomic.Bool.Swap", unsafe.Pointer(x))
	return x.v.Swap(new)
}

// CompareAndSwap is [atomic.Bool.CompareAndSwap] at a scheduling point.
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool) {
	sched.Point("atomic.Bool.CompareAndSwap", unsafe.Pointer(x))
	return x.v.CompareAndSwap(old, new)
}
