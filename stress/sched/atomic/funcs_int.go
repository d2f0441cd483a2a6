package atomic

import (
	"sync/atomic"
	"unsafe"

	"github.com/pcqkit/pcq/stress/sched"
)

// AddInt32 is [atomic.AddInt32] at a scheduling point.
func AddInt32(addr *int32, delta int32) (new int32) {
	sched.Point("atomic.AddInt32", unsafe.Pointer(addr))
	return atomic.AddInt32(addr, delta)
}

// AndInt32 is [atomic.AndInt32] at a scheduling point.
func AndInt32(addr *int32, mask int32) (old int32) {
	sched.Point("atomic.AndInt32", unsafe.Pointer(addr))
	return atomic.AndInt32(addr, mask)
}

// OrInt32 is [atomic.OrInt32] at a scheduling point.
func OrInt32(addr *int32, mask int32) (old int32) {
	sched.Point("atomic.OrInt32", unsafe.Pointer(addr))
	return atomic.OrInt32(addr, mask)
}

// CompareAndSwapInt32 is [atomic.CompareAndSwapInt32] at a scheduling point.
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool) {
	sched.Point("atomic.CompareAndSwapInt32", unsafe.Pointer(addr))
	return atomic.CompareAndSwapInt32(addr, old, new)
}

// LoadInt32 is [atomic.LoadInt32] at a scheduling point.
func LoadInt32(addr *int32) (val int32) {
	sched.Point("atomic.LoadInt32", unsafe.Pointer(addr))
	return atomic.LoadInt32(addr)
}

// StoreInt32 is [atomic.StoreInt32] at a scheduling point.
func StoreInt32(addr *int32, val int32) {
	sched.Point("atomic.StoreInt32", unsafe.Pointer(addr))
	atomic.StoreInt32(addr, val)
}

// SwapInt32 is [atomic.SwapInt32] at a scheduling point.
func SwapInt32(addr *int32, new int32) (old int32) {
	sched.Point("atomic.SwapInt32", unsafe.Pointer(addr))
	return atomic.SwapInt32(addr, new)
}

// AddInt64 is [atomic.AddInt64] at a scheduling point.
func AddInt64(addr *int64, delta int64) (new int64) {
	sched.Point("atomic.AddInt64", unsafe.Pointer(addr))
	return atomic.AddInt64(addr, delta)
}

// AndInt64 is [atomic.AndInt64] at a scheduling point.
func AndInt64(addr *int64, mask int64) (old int64) {
	sched.Point("atomic.AndInt64", unsafe.Pointer(addr))
	return atomic.AndInt64(addr, mask)
}

// OrInt64 is [atomic.OrInt64] at a scheduling point.
func OrInt64(addr *int64, mask int64) (old int64) {
	sched.Point("atomic.OrInt64", unsafe.Pointer(addr))
	return atomic.OrInt64(addr, mask)
}

// CompareAndSwapInt64 is [atomic.CompareAndSwapInt64] at a scheduling point.
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool) {
	sched.Point("atomic.CompareAndSwapInt64", unsafe.Pointer(addr))
	return atomic.CompareAndSwapInt64(addr, old, new)
}

// LoadInt64 is [atomic.LoadInt64] at a scheduling point.
func LoadInt64(addr *int64) (val int64) {
	sched.Point("atomic.LoadInt64", unsafe.Pointer(addr))
	return atomic.LoadInt64(addr)
}

// StoreInt64 is [atomic.StoreInt64] at a scheduling point.
func StoreInt64(addr *int64, val int64) {
	sched.Point("atomic.StoreInt64", unsafe.Pointer(addr))
	atomic.StoreInt64(addr, val)
}

// SwapInt64 is [atomic.SwapInt64] at a scheduling point.
func SwapInt64(addr *int64, new int64) (old int64) {
	sched.Point("atomic.SwapInt64", unsafe.Pointer(addr))
	return atomic.SwapInt64(addr, new)
}

// AddUint32 is [atomic.AddUint32] at a scheduling point.
func AddUint32(addr *uint32, delta uint32) (new uint32) {
	sched.Point("atomic.AddUint32", unsafe.Pointer(addr))
	return atomic.AddUint32(addr, delta)
}

// AndUint32 is [atomic.AndUint32] at a scheduling point.
func AndUint32(addr *uint32, mask uint32) (old uint32) {
	sched.Point("atomic.AndUint32", unsafe.Pointer(addr))
	return atomic.AndUint32(addr, mask)
}

// OrUint32 is [atomic.OrUint32] at a scheduling point.
func OrUint32(addr *uint32, mask uint32) (old uint32) {
	sched.Point("atomic.OrUint32", unsafe.Pointer(addr))
	return atomic.OrUint32(addr, mask)
}

// CompareAndSwapUint32 is [atomic.CompareAndSwapUint32] at a scheduling point.
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool) {
	sched.Point("atomic.CompareAndSwapUint32", unsafe.Pointer(addr))
	return atomic.CompareAndSwapUint32(addr, old, new)
}

// LoadUint32 is [atomic.LoadUint32] at a scheduling point.
func LoadUint32(addr *uint32) (val uint32) {
	sched.Point("atomic.LoadUint32", unsafe.Pointer(addr))
	return atomic.LoadUint32(addr)
}

// StoreUint32 is [atomic.StoreUint32] at a scheduling point.
func StoreUint32(addr *uint32, val uint32) {
	sched.Point("atomic.StoreUint32", unsafe.Pointer(addr))
	atomic.StoreUint32(addr, val)
}

// SwapUint32 is [atomic.SwapUint32] at a scheduling point.
func SwapUint32(addr *uint32, new uint32) (old uint32) {
	sched.Point("atomic.SwapUint32", unsafe.Pointer(addr))
	return atomic.SwapUint32(addr, new)
}

// AddUint64 is [atomic.AddUint64] at a scheduling point.
func AddUint64(addr *uint64, delta uint64) (new uint64) {
	sched.Point("atomic.AddUint64", unsafe.Pointer(addr))
	return atomic.AddUint64(addr, delta)
}

// AndUint64 is [atomic.AndUint64] at a scheduling point.
func AndUint64(addr *uint64, mask uint64) (old uint64) {
	sched.Point("atomic.AndUint64", unsafe.Pointer(addr))
	return atomic.AndUint64(addr, mask)
}

// OrUint64 is [atomic.OrUint64] at a scheduling point.
func OrUint64(addr *uint64, mask uint64) (old uint64) {
	sched.Point("atomic.OrUint64", unsafe.Pointer(addr))
	return atomic.OrUint64(addr, mask)
}

// CompareAndSwapUint64 is [atomic.CompareAndSwapUint64] at a scheduling point.
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool) {
	sched.Point("atomic.CompareAndSwapUint64", unsafe.Pointer(addr))
	return atomic.CompareAndSwapUint64(addr, old, new)
}

// LoadUint64 is [atomic.LoadUint64] at a scheduling point.
func LoadUint64(addr *uint64) (val uint64) {
	sched.Point("atomic.LoadUint64", unsafe.Pointer(addr))
	return atomic.LoadUint64(addr)
}

// StoreUint64 is [atomic.StoreUint64] at a scheduling point.
func StoreUint64(addr *uint64, val uint64) {
	sched.Point("atomic.StoreUint64", unsafe.Pointer(addr))
	atomic.StoreUint64(addr, val)
}

// SwapUint64 is [atomic.SwapUint64] at a scheduling point.
func SwapUint64(addr *uint64, new uint64) (old uint64) {
	sched.Point("atomic.SwapUint64", unsafe.Pointer(addr))
	return atomic.SwapUint64(addr, new)
}

// AddUintptr is [atomic.AddUintptr] at a scheduling point.
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr) {
	sched.Point("atomic.AddUintptr", unsafe.Pointer(addr))
	return atomic.AddUintptr(addr, delta)
}

// AndUintptr is [atomic.AndUintptr] at a scheduling point.
func AndUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	sched.Point("atomic.AndUintptr", unsafe.Pointer(addr))
	return atomic.AndUintptr(addr, mask)
}

// OrUintptr is [atomic.OrUintptr] at a scheduling point.
func OrUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	sched.Point("atomic.OrUintptr", unsafe.Pointer(addr))
	return atomic.OrUintptr(addr, mask)
}

// CompareAndSwapUintptr is [atomic.CompareAndSwapUintptr] at a scheduling point.
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool) {
	sched.Point("atomic.CompareAndSwapUintptr", unsafe.Pointer(addr))
	return atomic.CompareAndSwapUintptr(addr, old, new)
}

// LoadUintptr is [atomic.LoadUintptr] at a scheduling point.
func LoadUintptr(addr *uintptr) (val uintptr) {
	sched.Point("atomic.LoadUintptr", unsafe.Pointer(addr))
	return atomic.LoadUintptr(addr)
}

// StoreUintptr is [atomic.StoreUintptr] at a scheduling point.
func StoreUintptr(addr *uintptr, val uintptr) {
	sched.Point("atomic.StoreUintptr", unsafe.Pointer(addr))
	atomic.StoreUintptr(addr, val)
}

// SwapUintptr is [atomic.SwapUintptr] at a scheduling point.
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr) {
	sched.Point("atomic.SwapUintptr", unsafe.Pointer(addr))
	return atomic.SwapUintptr(addr, new)
}
