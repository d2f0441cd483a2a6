package instrument

import "fmt"

// Result is what [Overlay] wrote and what it found it cannot control.
type Result struct {
	// Overlay is the absolute path of overlay.json, the argument of
	// `go build -overlay`.
	Overlay string
	// Modfile is the absolute path of the go.mod to build with (`go build
	// -modfile`) when a package of the module cache is instrumented: the go
	// command refuses to overlay files of the module cache, so such a
	// module is instrumented in a copy, and Modfile (the main module's
	// go.mod plus a replace directive) points the build at the copy. It is
	// "" when every package lies outside the module cache.
	Modfile string
	// Replace maps each rewritten file (absolute path) to its rewritten copy;
	// a file the rewrite leaves unchanged is not in it.
	Replace map[string]string
	// Packages are the import paths instrumented.
	Packages []string
	// Limits are the places the scheduler cannot control, in the order of
	// the packages and their files.
	Limits []Limit
}

// LimitKind names a kind of code the scheduler cannot control.
type LimitKind string

// The kinds of [Limit].
const (
	// Cgo is a file that imports "C": it is compiled as it is, and what it
	// does in C is invisible to the scheduler.
	Cgo LimitKind = "cgo"
	// Assembly is a .s file of the package.
	Assembly LimitKind = "assembly"
	// Linkname is a //go:linkname directive (typically into the runtime).
	Linkname LimitKind = "go:linkname"
	// GoStatement is a go statement the rewrite leaves as it is (in a cgo
	// file, or with a lone call argument): its goroutine is started by
	// the runtime, not by [sched.Go], so it does not join the schedule.
	GoStatement LimitKind = "go statement"
)

// Limit is one place the scheduler cannot control.
type Limit struct {
	Kind LimitKind
	File string // absolute path
	Line int    // 0 for a whole file
	Text string // the directive or statement, abridged
}

// String is "file:line: kind: text" (no line for a whole file).
func (l Limit) String() string {
	pos := l.File
	if l.Line > 0 {
		pos = fmt.Sprintf("%s:%d", l.File, l.Line)
	}
	return fmt.Sprintf("%s: %s: %s", pos, l.Kind, l.Text)
}
