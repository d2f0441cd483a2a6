package atomic

import (
	"sync/atomic"
	"unsafe"

	"github.com/pcqkit/pcq/stress/sched"
)

// Pointer is [atomic.Pointer] whose every method is a scheduling point. It
// wraps the real type, so its size and alignment are those of
// [atomic.Pointer], and like it a Pointer[T] does not convert to a
// Pointer[U].
type Pointer[T any] struct {
	v atomic.Pointer[T]
}

// Load is [atomic.Pointer.Load] at a scheduling point.
func (x *Pointer[T]) Load() *T {
	sched.Point("atomic.Pointer.Load", unsafe.Pointer(x))
	return x.v.Load()
}

// Store is [atomic.Pointer.Store] at a scheduling point.
func (x *Pointer[T]) Store(val *T) {
	sched.Point("atomic.Pointer.Store", unsafe.Pointer(x))
	x.v.Store(val)
}

// Swap is [atomic.Pointer.Swap] at a scheduling point.
func (x *Pointer[T]) Swap(new *T) (old *T) {
	sched.Point("atomic.Pointer.Swap", unsafe.Pointer(x))
	return x.v.Swap(new)
}

// CompareAndSwap is [atomic.Pointer.CompareAndSwap] at a scheduling point.
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	sched.Point("atomic.Pointer.CompareAndSwap", unsafe.Pointer(x))
	return x.v.CompareAndSwap(old, new)
}
