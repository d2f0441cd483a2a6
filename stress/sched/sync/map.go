package sync

import (
	"sync"
	"unsafe"

	"github.com/pcqkit/pcq/stress/sched"
)

// Map is [sync.Map] whose every method is a scheduling point followed by the
// real operation.
type Map struct {
	m sync.Map
}

// Load is [sync.Map.Load] at a scheduling point.
func (m *Map) Load(key any) (value any, ok bool) {
	sched.Point("sync.Map.Load", unsafe.Pointer(m))
	return m.m.Load(key)
}

// Store is [sync.Map.Store] at a scheduling point.
func (m *Map) Store(key, value any) {
	sched.Point("sync.Map.Store", unsafe.Pointer(m))
	m.m.Store(key, value)
}

// Clear is [sync.Map.Clear] at a scheduling point.
func (m *Map) Clear() {
	sched.Point("sync.Map.Clear", unsafe.Pointer(m))
	m.m.Clear()
}

// LoadOrStore is [sync.Map.LoadOrStore] at a scheduling point.
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	sched.Point("sync.Map.LoadOrStore", unsafe.Pointer(m))
	return m.m.LoadOrStore(key, value)
}

// LoadAndDelete is [sync.Map.LoadAndDelete] at a scheduling point.
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	sched.Point("sync.Map.LoadAndDelete", unsafe.Pointer(m))
	return m.m.LoadAndDelete(key)
}

// Delete is [sync.Map.Delete] at a scheduling point.
func (m *Map) Delete(key any) {
	sched.Point("sync.Map.Delete", unsafe.Pointer(m))
	m.m.Delete(key)
}

// Swap is [sync.Map.Swap] at a scheduling point.
func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	sched.Point("sync.Map.Swap", unsafe.Pointer(m))
	return m.m.Swap(key, value)
}

// CompareAndSwap is [sync.Map.CompareAndSwap] at a scheduling point.
func (m *Map) CompareAndSwap(key, old, new any) (swapped bool) {
	sched.Point("sync.Map.CompareAndSwap", unsafe.Pointer(m))
	return m.m.CompareAndSwap(key, old, new)
}

// CompareAndDelete is [sync.Map.CompareAndDelete] at a scheduling point.
func (m *Map) CompareAndDelete(key, old any) (deleted bool) {
	sched.Point("sync.Map.CompareAndDelete", unsafe.Pointer(m))
	return m.m.CompareAndDelete(key, old)
}

// Range is [sync.Map.Range] at a scheduling point (one before the walk; f's
// own operations are scheduling points of their own).
func (m *Map) Range(f func(key, value any) bool) {
	sched.Point("sync.Map.Range", unsafe.Pointer(m))
	m.m.Range(f)
}
