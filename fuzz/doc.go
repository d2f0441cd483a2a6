// Package fuzz turns Go's native fuzzing (go test -fuzz) on a queue: the
// fuzzer's bytes decode into a concurrent scenario — the queue's capacity,
// a few goroutines, each one's operations with their deadlines, the yield
// points before them, shutdown and join moments — that runs on a fresh
// queue, recorded, and is checked: cheap checks first (nothing lost,
// duplicated or from nowhere, per-producer order, task accounting, wake-up
// and shutdown probes), then linearizability of the recorded history
// against the model. Coverage guidance then explores the queue's code.
//
// A third party fuzzes its queue from its own test file:
//
//	func FuzzMyQueue(f *testing.F) { fuzz.Check(f, newMyQueue) }
//
// and runs it with go test -fuzz FuzzMyQueue. Decoding is deterministic:
// every input the fuzzer saves under testdata/fuzz/FuzzMyQueue replays the
// same operations as a plain go test case (the goroutines' interleaving is
// the scheduler's, so a rare race may need a few runs to show again).
//
// [RunOne] is the same check of one input returning an error, for programs
// and for tests that expect a failure. [NewTarget] is Check's target
// without package testing, for a fuzz function that OSS-Fuzz or
// ClusterFuzzLite build into a libFuzzer binary (go-118-fuzz-build).
//
// Options are package harness's: harness.WithModel, WithCapacities,
// WithRelaxations, WithWatchdog, WithLogf, WithChecker, WithCheckSteps, WithCheckTimeout,
// WithArtifacts, and fuzz's own budget, WithMaxCapacity,
// WithMaxGoroutines, WithMaxTotalOps (all goroutines together) and
// WithMaxYield. A failing input is a [*Failure], which matches
// harness.ErrFailed and names the harness.Check that failed; a bad option
// or a factory that refuses a capacity asked for is a
// *harness.SetupError instead.
package fuzz
