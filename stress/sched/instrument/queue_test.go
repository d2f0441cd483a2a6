package instrument

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const queuePath = "github.com/pcqkit/pcq/queue"

// TestOverlayQueue instruments pcq's queue package: the overlay holds every
// file that imports sync or sync/atomic, each copy keeps every line but the
// edited ones, the instrumented package vets and its semantics and shutdown
// tests pass outside a scheduler.
func TestOverlayQueue(t *testing.T) {
	res, err := Overlay(t.TempDir(), queuePath)
	if err != nil {
		t.Fatal(err)
	}
	if res.Modfile != "" {
		t.Errorf("a go.mod was written (%s) for a package of the main module", res.Modfile)
	}
	for _, file := range queueFilesImportingSync(t) {
		if _, ok := res.Replace[file]; !ok {
			t.Errorf("%s imports sync or sync/atomic but is not in the overlay", file)
		}
	}
	marker := filepath.Join(strings.TrimSpace(goTool(t, "list", "-f", "{{.Dir}}", queuePath)), markerFile)
	if _, ok := res.Replace[marker]; !ok {
		t.Errorf("the overlay does not add %s, which tells a binary it was built instrumented", marker)
	}
	for orig, copyPath := range res.Replace {
		if orig == marker {
			continue
		}
		changed := changedLines(t, orig, copyPath)
		if len(changed) == 0 {
			t.Errorf("%s is in the overlay unchanged", orig)
		}
		for _, line := range changed {
			if !strings.Contains(line, schedPath) && !strings.Contains(line, "pcqsched.Gosched()") &&
				!strings.HasSuffix(line, "; var _ = runtime.Gosched") {
				t.Errorf("%s: a line changed that carries no edit: %q", orig, line)
			}
		}
	}
	goTool(t, "vet", "-overlay", res.Overlay, queuePath)
	goTool(t, "test", "-count=1", "-overlay", res.Overlay, "-run", "TestSemantics|TestShutdown", queuePath)
}

// queueFilesImportingSync lists queue's non-test files that import sync or
// sync/atomic, found independently of the rewrite.
func queueFilesImportingSync(t *testing.T) []string {
	dir := strings.TrimSpace(goTool(t, "list", "-f", "{{.Dir}}", queuePath))
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, spec := range f.Imports {
			if path, _ := strconv.Unquote(spec.Path.Value); path == "sync" || path == "sync/atomic" {
				files = append(files, name)
				break
			}
		}
	}
	if len(files) < 5 {
		t.Fatalf("only %d queue files import sync or sync/atomic: %v", len(files), files)
	}
	return files
}

// TestQueueDoesNotDependOnSched: the production build of the queue package
// imports nothing of the scheduler.
func TestQueueDoesNotDependOnSched(t *testing.T) {
	for _, dep := range strings.Fields(goTool(t, "list", "-deps", queuePath)) {
		if dep == schedPath || strings.HasPrefix(dep, schedPath+"/") {
			t.Errorf("package queue depends on %s", dep)
		}
	}
}
