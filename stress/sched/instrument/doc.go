// Package instrument writes the build-time overlay that puts unchanged Go
// packages under the controlled scheduler [github.com/pcqkit/pcq/stress/sched].
//
// [Overlay] lists the packages a caller names (import paths or patterns,
// those of other modules included, found through the module cache) with
// `go list -json`, and writes a rewritten copy of each of their Go files
// (not the _test.go files) plus an overlay.json for `go build -overlay`,
// `go vet -overlay` and `go test -overlay`. The files on disk stay as they
// are. The rewrite redirects
//
//   - the import path "sync/atomic" to [github.com/pcqkit/pcq/stress/sched/atomic],
//   - the import path "sync" to [github.com/pcqkit/pcq/stress/sched/sync],
//   - runtime.Gosched to [sched.Gosched],
//   - context.AfterFunc to [sched.AfterFunc], whose function runs in a
//     goroutine of the schedule,
//   - a go statement to a call of [sched.Go] that starts the same call, its
//     function value and arguments evaluated at the go statement as Go
//     specifies (copied into temporaries on the same line), so that the
//     goroutines a library starts join the schedule,
//
// and, with [Options.Channels] ([OverlayWith], [RerunWith]), puts a
// scheduling point before every channel operation, for code that
// synchronises through channels. The edits are byte-offset edits that
// insert no line: every line of a rewritten file
// keeps its number, and every line without an edit is byte-identical, so
// panics, traces and race reports cite the library's real file:line (the go
// command compiles an overlaid file under its original name).
//
// The go command refuses to overlay files of the module cache: a package of
// another module is instrumented in a copy of its module, and the go.mod at
// [Result.Modfile] (the main module's plus a replace directive) builds with
// the copy (`go test -modfile <Result.Modfile> -overlay <Result.Overlay>`);
// its traces cite the copy's files, at the original lines.
//
// What the scheduler cannot control is reported in [Result.Limits], each with
// file:line: cgo files (they are not rewritten, nor their go statements),
// assembly files, //go:linkname directives, and the rare go statement the
// rewrite leaves as it is (a lone argument that is a call, which may return
// several values: without types no temporary can hold them).
package instrument
