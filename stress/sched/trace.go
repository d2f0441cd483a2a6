package sched

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
)

// A Frame is a place in the source.
type Frame struct {
	Function string
	File     string
	Line     int
}

// String returns "file.go:12 (pkg.Function)" with the file's base name.
func (f Frame) String() string {
	if f.File == "" {
		return "?"
	}
	return fmt.Sprintf("%s:%d (%s)", filepath.Base(f.File), f.Line, shortFunc(f.Function))
}

// shortFunc drops the import path from a function name.
func shortFunc(name string) string {
	if i := strings.LastIndex(name, "/"); i >= 0 {
		return name[i+1:]
	}
	return name
}

// A Step is one step of a traced run: a goroutine let run from a point.
type Step struct {
	Goroutine int
	What      string // the operation at the point ("atomic.Int32.Add")
	At        Frame  // the caller of the operation, outside the scheduler's packages
	// Time is the logical time of the step ([Now]): readings of Now
	// before the step are smaller, the goroutine's readings until its
	// next step larger.
	Time int64
}

// String returns "goroutine 1: atomic.Int32.Add at ring.go:140 (queue.(*ring).push)".
func (s Step) String() string {
	return fmt.Sprintf("goroutine %d: %s at %s", s.Goroutine, s.What, s.At)
}

// schedPrefix is the import path prefix of the scheduler and its drop-in
// packages, whose frames a trace skips.
const schedPrefix = "github.com/pcqkit/pcq/stress/sched"

// callerOutside returns the innermost frame of the calling goroutine that is
// not in the scheduler's packages: the instrumented code's own line.
func callerOutside() Frame {
	var pcs [16]uintptr
	n := runtime.Callers(3, pcs[:])
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if !inScheduler(f) {
			return Frame{Function: f.Function, File: f.File, Line: f.Line}
		}
		if !more {
			return Frame{}
		}
	}
}

// funcFrame returns where f is defined: the start of a goroutine.
func funcFrame(f func()) Frame {
	fn := runtime.FuncForPC(reflect.ValueOf(f).Pointer())
	if fn == nil {
		return Frame{}
	}
	file, line := fn.FileLine(fn.Entry())
	return Frame{Function: fn.Name(), File: file, Line: line}
}

// inScheduler reports whether f is a frame of the scheduler or of its
// drop-in packages (their tests are code under test).
func inScheduler(f runtime.Frame) bool {
	in := strings.HasPrefix(f.Function, schedPrefix+".") || strings.HasPrefix(f.Function, schedPrefix+"/")
	return in && !strings.HasSuffix(f.File, "_test.go")
}

// record adds the step that lets g run to the trace and the fingerprint.
// r.mu is held.
func (r *run) record(g *goroutine, time int64) {
	r.print = fnv(r.print, uint32(g.id))
	for i := 0; i < len(g.what); i++ {
		r.print = fnv(r.print, uint32(g.what[i]))
	}
	if r.tracing {
		r.trace = append(r.trace, Step{Goroutine: g.id, What: g.what, At: g.at, Time: time})
	}
}

// fnv folds x into the FNV-1a hash h.
func fnv(h, x uint32) uint32 {
	if h == 0 {
		h = 2166136261
	}
	return (h ^ x) * 16777619
}
