package sync

import (
	"sync/atomic"
	"unsafe"

	"github.com/pcqkit/pcq/stress/sched"
)

// Once is [sync.Once] built on the mirror [Mutex]: a goroutine that calls Do
// while another managed goroutine runs f waits in a modelled Lock, not in a
// real one.
type Once struct {
	done atomic.Bool
	m    Mutex
}

// Do is [sync.Once.Do] at a scheduling point: it calls f if and only if Do
// is called for the first time for this Once, and no call returns before f
// has returned (or panicked; then Do counts as done too).
func (o *Once) Do(f func()) {
	sched.Point("sync.Once.Do", unsafe.Pointer(o))
	if !o.done.Load() {
		o.doSlow(f)
	}
}

func (o *Once) doSlow(f func()) {
	o.m.Lock()
	defer o.m.Unlock()
	if !o.done.Load() {
		defer o.done.Store(true)
		f()
	}
}
