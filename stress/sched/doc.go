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
//
// The way in: [Test] runs a body once under a [Strategy] in a
// testing/synctest bubble and returns a [Result] — the steps taken, the
// [Schedule] it decided (replayable with [Replay], printable and parsable
// with [ParseSchedule]), and a [Deadlock], [Livelock] or [Panic] of the
// managed goroutines. An [Explorer] gives the strategy of schedule after
// schedule: [Random], [PCT] and [DFS] (every fair schedule within a
// preemption bound). Managed goroutines start with [Go]; a harness
// time-stamps their operations with the logical clock [Now]. Package
// stress's Explore and fuzz's CheckSchedules are built on it, with the
// overlay of package [github.com/pcqkit/pcq/stress/sched/instrument].
//
// Schedules are fair, after CHESS: a goroutine that yields (a Gosched in a
// spin loop) is not run again at once while another can run, and yields
// only a few times before every goroutine it waits for has run (see
// [Choice.Unfair]), so no search reports a livelock that a fair scheduler
// would not produce.
//
// Blocking on channels is the runtime's: the bubble tells when every
// goroutine is at a scheduling point, blocked or finished (synctest.Wait),
// so a goroutine blocked on a channel is seen as such, and nobody able to
// run while some have not finished is a deadlock, reported at once.
package sched
