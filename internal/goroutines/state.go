package goroutines

import (
	"slices"
	"strings"
)

// Running reports whether a goroutine's stack says it can run, or will
// by itself: it is not blocked, only waiting for a processor (the machine
// is busy) or for the runtime (see [runtimeWaits]). Neither is a hang.
func Running(stack string) bool {
	state := stateOf(stack)
	switch {
	case slices.Contains(canRun, state):
		return true
	case slices.Contains(userSemaphores, firstFunc(stack)):
		return false // "semacquire" for user code
	}
	return slices.Contains(runtimeWaits, state)
}

// canRun are the states of a goroutine that can run.
var canRun = []string{"runnable", "running", "syscall", "preempted"}

// runtimeWaits are the waits of a goroutine on the runtime itself, which
// the runtime ends by itself: the garbage collector's, a stop of the world,
// and "semacquire" on the runtime's own semaphores, among them the one a
// stop of the world holds. Every look stops the world (runtime.Stack), so
// a goroutine starting a collection meanwhile waits in "semacquire" for
// the look itself, and looks close together found it there at two looks
// in a row: hung, in CI. Waits of user code have their own names
// ("sync.Mutex.Lock", "chan receive", "IO wait", ...), but for the
// semaphores of userSemaphores, which also show as "semacquire".
var runtimeWaits = []string{
	"semacquire", "GC assist marking", "GC assist wait", "garbage collection",
	"garbage collection scan", "wait for GC cycle", "GC mark termination",
	"stopping the world", "flushing proc caches", "GC weak to strong wait",
}

// userSemaphores are the functions through which code outside the runtime
// waits in "semacquire": a file's or socket's lock (a second reader while
// the first waits for input), and package sync's semaphore, which code
// reaches through linkname. A goroutine waiting there is blocked like any
// other; the runtime's own semaphores show no frame of theirs (the dump
// leaves runtime frames out), so its first frame is the caller's.
var userSemaphores = []string{"internal/poll.runtime_Semacquire", "sync.runtime_Semacquire"}

// stateOf returns the state in a stack's header, without what follows it:
// "goroutine 7 [semacquire (scan), 2 minutes]:" gives "semacquire"; so
// do ", locked to thread", " (durable)", " (leaked)" and the pprof labels
// that GODEBUG=tracebacklabels=1 prints.
func stateOf(stack string) string {
	header, _, _ := strings.Cut(stack, "\n")
	_, state, ok := strings.Cut(header, "[")
	if !ok {
		return ""
	}
	for _, end := range []string{"]", ",", " (", " labels:"} {
		state, _, _ = strings.Cut(state, end)
	}
	return state
}

// firstFunc returns the function of a stack's first frame, the one it
// stands in: "internal/poll.runtime_Semacquire(0x0?)" gives
// "internal/poll.runtime_Semacquire".
func firstFunc(stack string) string {
	_, frames, _ := strings.Cut(stack, "\n")
	frame, _, _ := strings.Cut(frames, "\n")
	if i := strings.LastIndexByte(frame, '('); i > 0 {
		return frame[:i]
	}
	return frame
}
