package atomic

import (
	"sync/atomic"
	"unsafe"

	"github.com/pcqkit/pcq/stress/sched"
)

// Uint32 is [atomic.Uint32] whose every method is a scheduling point. It wraps
// the real type, so its size and alignment are those of [atomic.Uint32].
type Uint32 struct {
	v atomic.Uint32
}

// Load is [atomic.Uint32.Load] at a scheduling point.
func (x *Uint32) Load() uint32 {
	sched.Point("atomic.Uint32.Load", unsafe.Pointer(x))
	return x.v.Load()
}

// Store is [atomic.Uint32.Store] at a scheduling point.
func (x *Uint32) Store(val uint32) {
	sched.Point("atomic.Uint32.Store", unsafe.Pointer(x))
	x.v.Store(val)
}

// Swap is [atomic.Uint32.Swap] at a scheduling point.
func (x *Uint32) Swap(new uint32) (old uint32) {
	sched.Point("atomic.Uint32.Swap", unsafe.Pointer(x))
	return x.v.Swap(new)
}

// CompareAndSwap is [atomic.Uint32.CompareAndSwap] at a scheduling point.
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool) {
	sched.Point("atomic.Uint32.CompareAndSwap", unsafe.Pointer(x))
	return x.v.CompareAndSwap(old, new)
}

// Add is [atomic.Uint32.Add] at a scheduling point.
func (x *Uint32) Add(delta uint32) (new uint32) {
	sched.Point("atomic.Uint32.Add", unsafe.Pointer(x))
	return x.v.Add(delta)
}

// And is [atomic.Uint32.And] at a scheduling point.
func (x *Uint32) And(mask uint32) (old uint32) {
	sched.Point("atomic.Uint32.And", unsafe.Pointer(x))
	return x.v.And(mask)
}

// Or is [atomic.Uint32.Or] at a scheduling point.
func (x *Uint32) Or(mask uint32) (old uint32) {
	sched.Point("atomic.Uint32.Or", unsafe.Pointer(x))
	return x.v.Or(mask)
}
