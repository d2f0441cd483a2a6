// Package history is the vocabulary of recorded queue histories: what an
// [Operation] and a [History] are, the history file format ([Read],
// [Write], the specification in FORMAT.md beside this file), the
// assumptions every checker relies on ([Validate]), and the [Recorder]
// that records the operations clients run on a queue, soundly.
//
// The way in: wrap a queue in a [Recorder], give each goroutine its own
// [Recorder.Client] and run operations through it, then take
// [Recorder.History] and hand it to the linearizability package's Check.
// A history from elsewhere (another language's recorder, a saved failure)
// comes in through [Read], which validates it; [Write] saves one. A
// Jepsen test's history of a queue comes in through [ReadJepsen]
// (JEPSEN.md, beside this file).
package history
