package atomic

import (
	"sync/atomic"
	"unsafe"

	"github.com/pcqkit/pcq/stress/sched"
)

// CompareAndSwapPointer is [atomic.CompareAndSwapPointer] at a scheduling
// point.
func CompareAndSwapPointer(addr *unsafe.Pointer, old, new unsafe.Pointer) (swapped bool) {
	sched.Point("atomic.CompareAndSwapPointer", unsafe.Pointer(addr))
	return atomic.CompareAndSwapPointer(addr, old, new)
}

// LoadPointer is [atomic.LoadPointer] at a scheduling point.
func LoadPointer(addr *unsafe.Pointer) (val unsafe.Pointer) {
	sched.Point("atomic.LoadPointer", unsafe.Pointer(addr))
	return atomic.LoadPointer(addr)
}

// StorePointer is [atomic.StorePointer] at a scheduling point.
func StorePointer(addr *unsafe.Pointer, val unsafe.Pointer) {
	sched.Point("atomic.StorePointer", unsafe.Pointer(addr))
	atomic.StorePointer(addr, val)
}

// SwapPointer is [atomic.SwapPointer] at a scheduling point.
func SwapPointer(addr *unsafe.Pointer, new unsafe.Pointer) (old unsafe.Pointer) {
	sched.Point("atomic.SwapPointer", unsafe.Pointer(addr))
	return atomic.SwapPointer(addr, new)
}
