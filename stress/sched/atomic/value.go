package atomic

import (
	"sync/atomic"
	"unsafe"

	"github.com/pcqkit/pcq/stress/sched"
)

// Value is [atomic.Value] whose every method is a scheduling point. It wraps
// the real type: the same panics (nil, inconsistent types), the same size.
type Value struct {
	v atomic.Value
}

// Load is [atomic.Value.Load] at a scheduling point.
func (v *Value) Load() (val any) {
	sched.Point("atomic.Value.Load", unsafe.Pointer(v))
	return v.v.Load()
}

// Store is [atomic.Value.Store] at a scheduling point.
func (v *Value) Store(val any) {
	sched.Point("atomic.Value.Store", unsafe.Pointer(v))
	v.v.Store(val)
}

// Swap is [atomic.Value.Swap] at a scheduling point.
func (v *Value) Swap(new any) (old any) {
	sched.Point("atomic.Value.Swap", unsafe.Pointer(v))
	return v.v.Swap(new)
}

// CompareAndSwap is [atomic.Value.CompareAndSwap] at a scheduling point.
func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	sched.Point("atomic.Value.CompareAndSwap", unsafe.Pointer(v))
	return v.v.CompareAndSwap(old, new)
}
