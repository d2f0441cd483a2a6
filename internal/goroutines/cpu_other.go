//go:build !unix

package goroutines

import "time"

// CPU returns the time since the process started: where the processor
// time of a process is not at hand, the wall clock stands in for it (a
// loaded machine then looks like a busy process).
func CPU() time.Duration { return time.Since(start) }
