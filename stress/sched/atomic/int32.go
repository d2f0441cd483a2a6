package atomic

import (
	"sync/atomic"
	"unsafe"

	"github.com/pcqkit/pcq/stress/sched"
)

// Int32 is [atomic.Int32] whose every method is a scheduling point. It wraps
// the real type, so its size and alignment are those of [atomic.Int32].
type Int32 struct {
	v atomic.Int32
}

// Load is [atomic.Int32.Load] at a scheduling point.
func (x *Int32) Load() int32 {
	sched.Point("atomic.Int32.Load", unsafe.Pointer(x))
	return x.v.Load()
}

// Store is [atomic.Int32.Store] at a scheduling point.
func (x *Int32) Store(val int32) {
	sched.Point("atomic.Int32.Store", unsafe.Pointer(x))
	x.v.Store(val)
}

// Swap is [atomic.Int32.Swap] at a scheduling point.
func (x *Int32) Swap(new int32) (old int32) {
	sched.Point("atomic.Int32.Swap", unsafe.Pointer(x))
	return x.v.Swap(new)
}

// CompareAndSwap is [atomic.Int32.CompareAndSwap] at a scheduling point.
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool) {
	sched.Point("atomic.Int32.CompareAndSwap", unsafe.Pointer(x))
	return x.v.CompareAndSwap(old, new)
}

// Add is [atomic.Int32.Add] at a scheduling point.
func (x *Int32) Add(delta int32) (new int32) {
	sched.Point("atomic.Int32.Add", unsafe.Pointer(x))
	return x.v.Add(delta)
}

// And is [atomic.Int32.And] at a scheduling point.
func (x *Int32) And(mask int32) (old int32) {
	sched.Point("atomic.Int32.And", unsafe.Pointer(x))
	return x.v.And(mask)
}

// Or is [atomic.Int32.Or] at a scheduling point.
func (x *Int32) Or(mask int32) (old int32) {
	sched.Point("atomic.Int32.Or", unsafe.Pointer(x))
	return x.v.Or(mask)
}
