// Package harness is what the three harnesses that verify a queue —
// property (model-based tests), stress (-race rounds) and fuzz (native
// fuzzing) — have in common: the [Factory] they are given, the [Option]s
// they take, the [Check]s they run and the shape of what they report.
//
// One option has one meaning and one definition, here, whichever harness
// it is passed to:
//
//	property.Check(t, newMyQueue, harness.WithModel(models.LIFO))
//	stress.Check(t, newMyQueue, harness.WithModel(models.LIFO), harness.WithOpsPerGoroutine(50))
//	fuzz.Check(f, newMyQueue, harness.WithModel(models.LIFO), harness.WithMaxTotalOps(16))
//
// Each option's doc names the harnesses that read it; passing an option to
// a harness that does not read it, or a value out of range, is a
// [*SetupError], never silently ignored.
//
// A new harness (a controlled-scheduler explorer, say) adds its [Harness]
// constant, names itself among the readers of the options it reads, and
// reads its own settings from [Settings] after [Settings.Resolve].
//
// A harness reports two kinds of error, kept apart as testing/quick keeps
// its SetupError and CheckError apart:
//
//   - a failure: the queue failed a check. It matches [ErrFailed]
//     (errors.Is) and [FailedCheck] names the [Check] that failed.
//   - a [*SetupError]: the harness could not run — a bad option, a
//     constructor that panics or returns nil, no capacity to test. It does
//     not match [ErrFailed]: nothing was found wrong with the queue.
//
// And a third, for what is no verdict at all: Go cannot stop a goroutine,
// so a call that ignores its context and never returns (a Get that spins)
// keeps its goroutine, and a processor, for as long as the process lives.
// A harness that gives up on such goroutines records them ([Abandon]);
// while any of them still runs, a later failure that starvation could
// explain — a watchdog, a liveness probe, a call that did not return in
// time — is a [*NoVerdictError] ([Starved], [NoVerdict]): it matches
// [ErrNoVerdict], not [ErrFailed]. The earlier failure already fails the
// test binary; the queue under test then is not blamed for it.
package harness
