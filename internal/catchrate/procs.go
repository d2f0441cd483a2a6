package catchrate

import "runtime"

// AtLeastTwoPs raises GOMAXPROCS to 2 if it is lower and returns what
// restores it, for a catch of a race between goroutines running at once:
// at GOMAXPROCS=1 such a window never opens, and the same test must hold
// on a one-CPU machine. GOMAXPROCS is the process's: the caller must not
// run in parallel with tests that set it too.
func AtLeastTwoPs() (restore func()) {
	n := runtime.GOMAXPROCS(0)
	if n >= 2 {
		return func() {}
	}
	runtime.GOMAXPROCS(2)
	return func() { runtime.GOMAXPROCS(n) }
}
