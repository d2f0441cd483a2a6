package atomic

import (
	"sync/atomic"
	"unsafe"

	"github.com/pcqkit/pcq/stress/sched"
)

// Int64 is [atomic.Int64] whose every method is a scheduling point. It wraps
// the real type, so its size and alignment are those of [atomic.Int64].
type Int64 struct {
	v atomic.Int64
}

// Load is [atomic.Int64.Load] at a scheduling point.
func (x *Int64) Load() int64 {
	sched.Point("atomic.Int64.Load", unsafe.Pointer(x))
	return x.v.Load()
}

// Store is [atomic.Int64.Store] at a scheduling point.
func (x *Int64) Store(val int64) {
	sched.Point("atomic.Int64.Store", unsafe.Pointer(x))
	x.v.Store(val)
}

// Swap is [atomic.Int64.Swap] at a scheduling point.
func (x *Int64) Swap(new int64) (old int64) {
	sched.Point("atomic.Int64.Swap", unsafe.Pointer(x))
	return x.v.Swap(new)
}

// CompareAndSwap is [atomic.Int64.CompareAndSwap] at a scheduling point.
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool) {
	sched.Point("atomic.Int64.CompareAndSwap", unsafe.Pointer(x))
	return x.v.CompareAndSwap(old, new)
}

// Add is [atomic.Int64.Add] at a scheduling point.
func (x *Int64) Add(delta int64) (new int64) {
	sched.Point("atomic.Int64.Add", unsafe.Pointer(x))
	return x.v.Add(delta)
}

// And is [atomic.Int64.And] at a scheduling point.
func (x *Int64) And(mask int64) (old int64) {
	sched.Point("atomic.Int64.And", unsafe.Pointer(x))
	return x.v.And(mask)
}

// Or is [atomic.Int64.Or] at a scheduling point.
func (x *Int64) Or(mask int64) (old int64) {
	sched.Point("atomic.Int64.Or", unsafe.Pointer(x))
	return x.v.Or(mask)
}
