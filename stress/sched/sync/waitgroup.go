package sync

import (
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/pcqkit/pcq/stress/sched"
)

// WaitGroup is [sync.WaitGroup] whose operations are scheduling points.
// Next to the real WaitGroup it keeps the counter, so that under a scheduler
// Wait is modelled (let run once the counter is zero) instead of parked.
type WaitGroup struct {
	wg sync.WaitGroup
	n  atomic.Int64 // the counter of wg, readable by Wait's readiness test
}

// Add is [sync.WaitGroup.Add] at a scheduling point (with its panic on a
// negative counter).
func (wg *WaitGroup) Add(delta int) {
	sched.Point("sync.WaitGroup.Add", unsafe.Pointer(wg))
	wg.wg.Add(delta)
	wg.n.Add(int64(delta))
}

// Done is [sync.WaitGroup.Done] at a scheduling point.
func (wg *WaitGroup) Done() {
	sched.Point("sync.WaitGroup.Done", unsafe.Pointer(wg))
	wg.wg.Done()
	wg.n.Add(-1)
}

// Wait is [sync.WaitGroup.Wait]. Under a scheduler the goroutine is let run
// only once the counter is zero, so the real Wait that follows returns at
// once.
func (wg *WaitGroup) Wait() {
	sched.Await("sync.WaitGroup.Wait", unsafe.Pointer(wg), wg.zero)
	wg.wg.Wait()
}

// Go is [sync.WaitGroup.Go] with the goroutine started by [sched.Go], so that
// under a scheduler it joins the schedule. As in the standard library, a
// panic of f is not turned into a Done: it crashes the program.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	sched.Go(func() {
		defer func() {
			if x := recover(); x != nil {
				panic(x)
			}
			wg.Done()
		}()
		f()
	})
}

func (wg *WaitGroup) zero() bool { return wg.n.Load() == 0 }
