package sched

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

// waitsAt returns where a goroutine's stack says it waits: the innermost
// frame outside the runtime and the scheduler, "select at ops.go:110
// (queue.wait[...])", or just the state if there is none.
func waitsAt(stack string) string {
	lines := strings.Split(stack, "\n")
	if len(lines) < 3 {
		return "an unknown place"
	}
	state := strings.TrimSuffix(lines[0][strings.Index(lines[0], "[")+1:], "]:")
	state, _, _ = strings.Cut(state, ",")
	state = strings.TrimSuffix(state, " (durable)")
	for i := 1; i+1 < len(lines) && !strings.HasPrefix(lines[i], "created by "); i += 2 {
		fn := lines[i]
		if paren := strings.LastIndex(fn, "("); paren > 0 {
			fn = fn[:paren]
		}
		loc, _, _ := strings.Cut(strings.TrimSpace(lines[i+1]), " +0x")
		file := loc[:max(strings.LastIndex(loc, ":"), 0)]
		if strings.HasPrefix(fn, "runtime.") || strings.HasPrefix(fn, "internal/") || strings.HasPrefix(fn, "sync.") ||
			inScheduler(runtime.Frame{Function: fn, File: file}) {
			continue
		}
		return fmt.Sprintf("%s at %s (%s)", state, filepath.Base(loc), shortFunc(fn))
	}
	return state
}
