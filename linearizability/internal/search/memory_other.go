//go:build !linux

package search

// physicalMemory returns 0: unknown on this system.
func physicalMemory() int64 { return 0 }

// systemLimit returns 0: no limit known on this system.
func systemLimit() int64 { return 0 }
