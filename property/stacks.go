package property

import (
	"bytes"
	"reflect"
	"runtime"
	"strconv"
	"strings"
)

// goid returns the id of the calling goroutine, from its stack header
// ("goroutine 42 [running]:").
func goid() int64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		id, _ := strconv.ParseInt(string(b[:i]), 10, 64)
		return id
	}
	return -1
}

// stacks returns the stack of every goroutine, by id.
func stacks() map[int64]string {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	out := map[int64]string{}
	for _, g := range strings.Split(string(buf), "\n\n") {
		rest, ok := strings.CutPrefix(g, "goroutine ")
		if !ok {
			continue
		}
		if i := strings.IndexByte(rest, ' '); i > 0 {
			if id, err := strconv.ParseInt(rest[:i], 10, 64); err == nil {
				out[id] = g
			}
		}
	}
	return out
}

// running reports whether a goroutine's stack says it can run: it is not
// blocked, only waiting for a processor (the machine is busy, which is no
// hang).
func running(stack string) bool {
	line, _, _ := strings.Cut(stack, "\n")
	i := strings.IndexByte(line, '[')
	if i < 0 {
		return false
	}
	state := line[i+1:]
	for _, s := range []string{"runnable", "running", "syscall", "preempted"} {
		if strings.HasPrefix(state, s) {
			return true
		}
	}
	return false
}

// blocked returns the stacks of the goroutines ids that still exist, and
// whether all of them are blocked (none can run). Goroutines that ended
// are left out.
func blocked(ids []int64) (dump string, all bool) {
	st := stacks()
	var out []string
	all = true
	for _, id := range ids {
		s, ok := st[id]
		if !ok {
			continue
		}
		out = append(out, s)
		if running(s) {
			all = false
		}
	}
	return strings.Join(out, "\n\n"), all
}

// canRun reports whether the goroutine id can still make progress: it can
// run, or it has ended.
func canRun(id int64) bool {
	s, ok := stacks()[id]
	return !ok || running(s)
}

// dump returns the stacks of the goroutines that this package started.
func dump() string {
	var out []string
	for _, s := range stacks() {
		if strings.Contains(s, "created by "+pkgPath) {
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n\n")
}

var pkgPath = reflect.TypeFor[group]().PkgPath()
