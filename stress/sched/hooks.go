package sched

import (
	"runtime"
	"unsafe"
)

// Point is a scheduling point of the calling goroutine. Under a scheduler
// the goroutine stops here until the scheduler lets it run again; the
// operation that follows the call (an atomic load, a lock) then happens
// while no other managed goroutine runs. Outside a scheduler it returns at
// once. what names the operation ("atomic.Int32.Add"); obj is the variable it
// touches, or nil.
func Point(what string, obj unsafe.Pointer) {}

// Await is a scheduling point at which the calling goroutine may run only
// once ready() reports true: it models a blocking operation (a mutex that is
// held, a WaitGroup that is not done). When Await returns true, ready() was
// true at the moment the goroutine was let run, and nothing else has run
// since. ready is called by the scheduler while no managed goroutine runs;
// it must not block or change state. Outside a scheduler Await returns false
// at once without calling ready, and the caller performs the real blocking
// operation.
func Await(what string, obj unsafe.Pointer, ready func() bool) bool { return false }

// Managed reports whether the calling goroutine runs under a scheduler.
func Managed() bool { return false }

// Gosched is [runtime.Gosched] for instrumented code: a scheduling point at
// which the goroutine says that it waits for another to make progress (a
// spin loop), so that strategies run someone else. Outside a scheduler it
// calls runtime.Gosched.
func Gosched() { runtime.Gosched() }

// Go starts f in a new goroutine. Called by a managed goroutine, the new
// goroutine is managed by the same scheduler; otherwise it is a plain
// goroutine.
func Go(f func()) { go f() }
