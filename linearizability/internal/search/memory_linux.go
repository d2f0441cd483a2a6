package search

import (
	"os"
	"syscall"
)

// physicalMemory returns the bytes of physical memory, or 0 if unknown.
func physicalMemory() int64 {
	var info syscall.Sysinfo_t
	if err := syscall.Sysinfo(&info); err != nil {
		return 0
	}
	return int64(info.Totalram) * int64(info.Unit)
}

// systemLimit returns the smallest of the process's control group memory
// limit and its address space limit (RLIMIT_AS), or 0 when neither is set.
func systemLimit() int64 {
	return smallestLimit(cgroupMemory(os.DirFS("/")), addressSpaceLimit())
}

// addressSpaceLimit returns the process's RLIMIT_AS, or 0 when unlimited.
func addressSpaceLimit() int64 {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &rl); err != nil || rl.Cur > 1<<62 { // RLIM_INFINITY is all ones
		return 0
	}
	return int64(rl.Cur)
}
