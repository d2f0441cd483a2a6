//go:build !unix

package linearizability_test

import "time"

// benchCPU is not measured on this system.
func benchCPU() time.Duration { return 0 }
