package instrument

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"testing"

	"github.com/pcqkit/pcq/stress/sched"
	"github.com/pcqkit/pcq/stress/sched/instrument/testdata/spawn"
)

const spawnPath = "github.com/pcqkit/pcq/stress/sched/instrument/testdata/spawn"

// TestGoRewrite: every go statement of testdata/spawn is rewritten (none
// is left as a limit), only the lines of go statements change besides the
// import and the last line, and the instrumented package vets and gives,
// outside a scheduler, what the go statements' semantics say.
func TestGoRewrite(t *testing.T) {
	res, err := Overlay(t.TempDir(), "./testdata/spawn")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Limits) != 0 {
		t.Errorf("limits %v; every go statement should be rewritten", res.Limits)
	}
	orig, err := filepath.Abs("testdata/spawn/spawn.go")
	if err != nil {
		t.Fatal(err)
	}
	copyPath, ok := res.Replace[orig]
	if !ok {
		t.Fatalf("spawn.go not in the overlay %v", res.Replace)
	}
	allowed := goStatementLines(t, orig)
	for _, line := range changedLineNumbers(t, orig, copyPath) {
		if !allowed[line] {
			t.Errorf("spawn.go:%d changed, but holds no go statement nor the import", line)
		}
	}
	goTool(t, "vet", "-overlay", res.Overlay, "./testdata/spawn")
	goTool(t, "test", "-count=1", "-overlay", res.Overlay, "./testdata/spawn")
}

// TestGoStatementsJoinTheSchedule: instrumented, every goroutine that
// spawn's go statements start is managed by the scheduler (the trace
// shows them all), and what they see is what the go statement's semantics
// say, under every schedule tried.
func TestGoStatementsJoinTheSchedule(t *testing.T) {
	if !Rerun(t, spawnPath) {
		return
	}
	for seed := range int64(10) {
		var got []int
		var events string
		res, err := sched.Test(t, sched.Random(seed).Next(), func() { got, events = spawn.Forms() }, sched.Options{Trace: true})
		if err != nil || res.Failure != nil {
			t.Fatalf("seed %d: %v %v", seed, err, res.Failure)
		}
		if !slices.Equal(got, spawn.Want) || events != spawn.WantEvents {
			t.Fatalf("seed %d: got %v, events %s; want %v, %s", seed, got, events, spawn.Want, spawn.WantEvents)
		}
		ids := map[int]bool{}
		for _, s := range res.Trace {
			ids[s.Goroutine] = true
		}
		if len(ids) != 14 { // the body, 12 goroutines of Forms, 1 nested
			t.Fatalf("seed %d: %d goroutines in the trace, want 14", seed, len(ids))
		}
	}
}

// goStatementLines returns the lines of file that go statements span, the
// lines of its imports and its last line.
func goStatementLines(t *testing.T, file string) map[int]bool {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[int]bool{fset.Position(f.End()).Line: true, fset.Position(f.Name.Pos()).Line: true}
	for _, spec := range f.Imports {
		lines[fset.Position(spec.Pos()).Line] = true
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if g, ok := n.(*ast.GoStmt); ok {
			for l := fset.Position(g.Pos()).Line; l <= fset.Position(g.End()).Line; l++ {
				lines[l] = true
			}
		}
		return true
	})
	return lines
}
