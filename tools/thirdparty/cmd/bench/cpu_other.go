//go:build !unix

package main

import "time"

// cpuTime returns 0: the process's CPU time is read on Unix systems only,
// and the CPU table then shows no ratio.
func cpuTime() time.Duration { return 0 }
