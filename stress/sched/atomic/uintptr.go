package atomic

import (
	"sync/atomic"
	"unsafe"

	"github.com/pcqkit/pcq/stress/sched"
)

// Uintptr is [atomic.Uintptr] whose every method is a scheduling point. It wraps
// the real type, so its size and alignment are those of [atomic.Uintptr].
type Uintptr struct {
	v atomic.Uintptr
}

// Load is [atomic.Uintptr.Load] at a scheduling point.
func (x *Uintptr) Load() uintptr {
	sched.Point("atomic.Uintptr.Load", unsafe.Pointer(x))
	return x.v.Load()
}

// Store is [atomic.Uintptr.Store] at a scheduling point.
func (x *Uintptr) Store(val uintptr) {
	sched.Point("atomic.Uintptr.Store", unsafe.Pointer(x))
	x.v.Store(val)
}

// Swap is [atomic.Uintptr.Swap] at a scheduling point.
func (x *Uintptr) Swap(new uintptr) (old uintptr) {
	sched.Point("atomic.Uintptr.Swap", unsafe.Pointer(x))
	return x.v.Swap(new)
}

// CompareAndSwap is [atomic.Uintptr.CompareAndSwap] at a scheduling point.
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool) {
	sched.Point("atomic.Uintptr.CompareAndSwap", unsafe.Pointer(x))
	return x.v.CompareAndSwap(old, new)
}

// Add is [atomic.Uintptr.Add] at a scheduling point.
func (x *Uintptr) Add(delta uintptr) (new uintptr) {
	sched.Point("atomic.Uintptr.Add", unsafe.Pointer(x))
	return x.v.Add(delta)
}

// And is [atomic.Uintptr.And] at a scheduling point.
func (x *Uintptr) And(mask uintptr) (old uintptr) {
	sched.Point("atomic.Uintptr.And", unsafe.Pointer(x))
	return x.v.And(mask)
}

// Or is [atomic.Uintptr.Or] at a scheduling point.
func (x *Uintptr) Or(mask uintptr) (old uintptr) {
	sched.Point("atomic.Uintptr.Or", unsafe.Pointer(x))
	return x.v.Or(mask)
}
