//go:build unix

package linearizability_test

import (
	"syscall"
	"time"
)

// benchCPU returns the CPU time (user and system) this process has used:
// on a loaded machine it measures a benchmark better than the wall clock.
func benchCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
