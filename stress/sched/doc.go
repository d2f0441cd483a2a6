// Package sched is a controlled scheduler for Go code: under it, one
// managed goroutine runs at a time, and every synchronisation operation is
// a scheduling point at which a strategy (random, PCT, bounded-exhaustive,
// replay of a recorded schedule, bytes from the fuzzer) picks who runs next.
//
// Code does not import sched to be controlled: its imports of sync/atomic
// and sync are redirected at build time (go build -overlay) to the drop-in
// packages [github.com/pcqkit/pcq/stress/sched/atomic] and
// [github.com/pcqkit/pcq/stress/sched/sync], which call [Point] and [Await]
// before each operation. Outside a scheduler those hooks return at once and
// the drop-ins behave exactly as the standard packages.
package sched
