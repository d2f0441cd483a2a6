package sync

import (
	"sync"
	"unsafe"

	"github.com/pcqkit/pcq/stress/sched"
)

// Mutex is [sync.Mutex] whose operations are scheduling points; under a
// scheduler a Lock of a held mutex is modelled (the goroutine is not let run
// until the mutex is free) instead of blocking for real. It wraps the real
// mutex: the same size, the same fatal errors, the same race-detector edges.
type Mutex struct {
	mu sync.Mutex
}

// Lock is [sync.Mutex.Lock]. Under a scheduler the goroutine is let run only
// once the mutex is free, so the real Lock that follows cannot block.
func (m *Mutex) Lock() {
	sched.Await("sync.Mutex.Lock", unsafe.Pointer(m), m.free)
	m.mu.Lock()
}

// TryLock is [sync.Mutex.TryLock] at a scheduling point.
func (m *Mutex) TryLock() bool {
	sched.Point("sync.Mutex.TryLock", unsafe.Pointer(m))
	return m.mu.TryLock()
}

// Unlock is [sync.Mutex.Unlock] at a scheduling point.
func (m *Mutex) Unlock() {
	sched.Point("sync.Mutex.Unlock", unsafe.Pointer(m))
	m.mu.Unlock()
}

// free reports whether a Lock would not block now, leaving the mutex as it
// was (a TryLock undone).
func (m *Mutex) free() bool {
	if !m.mu.TryLock() {
		return false
	}
	m.mu.Unlock()
	return true
}
