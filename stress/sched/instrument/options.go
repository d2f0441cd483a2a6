package instrument

import "testing"

// Options are the choices of a rewrite beyond its fixed part (sync,
// sync/atomic, runtime.Gosched and go statements).
type Options struct {
	// Channels puts a scheduling point before every channel operation (a
	// send, a receive, a select, a close): for code that synchronises
	// through channels, such as a lock made of a buffered channel of one,
	// whose held state no other goroutine could otherwise see. Off by
	// default: every point multiplies the schedules to explore, and code
	// whose channels only park and wake goroutines needs none (a blocked
	// goroutine is seen as blocked without them).
	Channels bool
}

// RerunWith is [Rerun] with the rewrite's options. The packages count as
// instrumented in the child whatever the options, so that a harness called
// in the child (stress.Explore) that asks for the same packages through
// Rerun runs there.
func RerunWith(t testing.TB, opts Options, packages ...string) bool {
	t.Helper()
	return rerun(t, opts, packages)
}
