// Package atomic is a drop-in mirror of [sync/atomic] for code run under the
// controlled scheduler [github.com/pcqkit/pcq/stress/sched]: every exported
// function, type and method of sync/atomic exists here with the identical
// signature, and each one calls [sched.Point] (naming the operation and the
// address it touches) and then performs the real sync/atomic operation on
// the real memory.
//
// State is therefore always the real one: the same variable may be used in
// and out of a scheduler, and outside one (where sched.Point returns at once)
// this package behaves exactly as sync/atomic, the race detector included.
// The types wrap the real ones, so their size and alignment are unchanged:
// [Int64] and [Uint64] keep their 64-bit alignment on 32-bit platforms, and a
// padding struct laid out around them keeps its layout.
//
// Code is not meant to import this package by hand: the build-time overlay
// of [github.com/pcqkit/pcq/stress/sched/instrument] redirects a package's
// import of "sync/atomic" here, its name (atomic) unchanged.
package atomic
