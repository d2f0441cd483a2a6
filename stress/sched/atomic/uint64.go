package atomic

import (
	"sync/atomic"
	"unsafe"

	"github.com/pcqkit/pcq/stress/sched"
)

// Uint64 is [atomic.Uint64] whose every method is a scheduling point. It wraps
// the real type, so its size and alignment are those of [atomic.Uint64].
type Uint64 struct {
	v atomic.Uint64
}

// Load is [atomic.Uint64.Load] at a scheduling point.
func (x *Uint64) Load() uint64 {
	sched.Point("atomic.Uint64.Load", unsafe.Pointer(x))
	return x.v.Load()
}

// Store is [atomic.Uint64.Store] at a scheduling point.
func (x *Uint64) Store(val uint64) {
	sched.Point("atomic.Uint64.Store", unsafe.Pointer(x))
	x.v.Store(val)
}

// Swap is [atomic.Uint64.Swap] at a scheduling point.
func (x *Uint64) Swap(new uint64) (old uint64) {
	sched.Point("atomic.Uint64.Swap", unsafe.Pointer(x))
	return x.v.Swap(new)
}

// CompareAndSwap is [atomic.Uint64.CompareAndSwap] at a scheduling point.
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool) {
	sched.Point("atomic.Uint64.CompareAndSwap", unsafe.Pointer(x))
	return x.v.CompareAndSwap(old, new)
}

// Add is [atomic.Uint64.Add] at a scheduling point.
func (x *Uint64) Add(delta uint64) (new uint64) {
	sched.Point("atomic.Uint64.Add", unsafe.Pointer(x))
	return x.v.Add(delta)
}

// And is [atomic.Uint64.And] at a scheduling point.
func (x *Uint64) And(mask uint64) (old uint64) {
	sched.Point("atomic.Uint64.And", unsafe.Pointer(x))
	return x.v.And(mask)
}

// Or is [atomic.Uint64.Or] at a scheduling point.
func (x *Uint64) Or(mask uint64) (old uint64) {
	sched.Point("atomic.Uint64.Or", unsafe.Pointer(x))
	return x.v.Or(mask)
}
