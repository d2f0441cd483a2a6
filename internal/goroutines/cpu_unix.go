//go:build unix

package goroutines

import (
	"syscall"
	"time"
)

// CPU returns the processor time the process has used so far, user and
// system; it grows only while the process runs, however loaded the
// machine.
func CPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return time.Since(start)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
