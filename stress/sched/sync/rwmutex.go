package sync

import (
	"sync"
	"unsafe"

	"github.com/pcqkit/pcq/stress/sched"
)

// RWMutex is [sync.RWMutex] whose operations are scheduling points; under a
// scheduler a Lock or RLock that would block is modelled instead of blocking
// for real. It wraps the real RWMutex (same size, same fatal errors). One
// difference under a scheduler only: a writer waiting in a modelled Lock
// does not hold back new readers as a real pending writer does.
type RWMutex struct {
	rw sync.RWMutex
}

// Lock is [sync.RWMutex.Lock]. Under a scheduler the goroutine is let run
// only once neither a writer nor a reader holds the lock, so the real Lock
// that follows cannot block.
func (rw *RWMutex) Lock() {
	sched.Await("sync.RWMutex.Lock", unsafe.Pointer(rw), rw.free)
	rw.rw.Lock()
}

// RLock is [sync.RWMutex.RLock]. Under a scheduler the goroutine is let run
// only once no writer holds the lock, so the real RLock cannot block.
func (rw *RWMutex) RLock() {
	sched.Await("sync.RWMutex.RLock", unsafe.Pointer(rw), rw.readFree)
	rw.rw.RLock()
}

// TryLock is [sync.RWMutex.TryLock] at a scheduling point.
func (rw *RWMutex) TryLock() bool {
	sched.Point("sync.RWMutex.TryLock", unsafe.Pointer(rw))
	return rw.rw.TryLock()
}

// TryRLock is [sync.RWMutex.TryRLock] at a scheduling point.
func (rw *RWMutex) TryRLock() bool {
	sched.Point("sync.RWMutex.TryRLock", unsafe.Pointer(rw))
	return rw.rw.TryRLock()
}

// Unlock is [sync.RWMutex.Unlock] at a scheduling point.
func (rw *RWMutex) Unlock() {
	sched.Point("sync.RWMutex.Unlock", unsafe.Pointer(rw))
	rw.rw.Unlock()
}

// RUnlock is [sync.RWMutex.RUnlock] at a scheduling point.
func (rw *RWMutex) RUnlock() {
	sched.Point("sync.RWMutex.RUnlock", unsafe.Pointer(rw))
	rw.rw.RUnlock()
}

// RLocker is [sync.RWMutex.RLocker]: a Locker whose Lock and Unlock are rw's
// RLock and RUnlock.
func (rw *RWMutex) RLocker() Locker {
	return (*rlocker)(rw)
}

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// free reports whether a Lock would not block now, leaving rw as it was.
func (rw *RWMutex) free() bool {
	if !rw.rw.TryLock() {
		return false
	}
	rw.rw.Unlock()
	return true
}

// readFree reports whether an RLock would not block now, leaving rw as it
// was.
func (rw *RWMutex) readFree() bool {
	if !rw.rw.TryRLock() {
		return false
	}
	rw.rw.RUnlock()
	return true
}
