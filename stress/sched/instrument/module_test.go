package instrument

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestOverlayModuleCachePackage instruments a package of another module,
// read from the module cache (gopter, a dependency of pcq): its files that
// import sync are overlaid in a copy of the module that the written go.mod
// puts in its place, the package builds against the mirrors, and its go
// statements (in runner.go) are rewritten into the scheduler's Go, none
// left as a limit.
func TestOverlayModuleCachePackage(t *testing.T) {
	const gopter = "github.com/leanovate/gopter"
	res, err := Overlay(t.TempDir(), gopter)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for orig := range res.Replace {
		names = append(names, filepath.Base(orig))
	}
	for _, want := range []string{"flag.go", "locked_source.go", "runner.go"} {
		if !slices.Contains(names, want) {
			t.Errorf("%s not in the overlay %v", want, names)
		}
	}
	if res.Modfile == "" {
		t.Fatal("no go.mod written for a package of the module cache")
	}
	goTool(t, "build", "-modfile", res.Modfile, "-overlay", res.Overlay, gopter)
	deps := strings.Fields(goTool(t, "list", "-deps", "-modfile", res.Modfile, "-overlay", res.Overlay, gopter))
	if !slices.Contains(deps, mirrorSyncPath) {
		t.Errorf("the instrumented %s does not depend on %s", gopter, mirrorSyncPath)
	}
	if slices.ContainsFunc(res.Limits, func(l Limit) bool { return l.Kind == GoStatement }) {
		t.Errorf("a go statement of %s left as it is: %v", gopter, res.Limits)
	}
	for orig, copyPath := range res.Replace {
		if filepath.Base(orig) != "runner.go" {
			continue
		}
		src, err := os.ReadFile(copyPath)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), "pcqsched.Go(func() {") || strings.Contains(string(src), "\tgo ") {
			t.Errorf("%s: the go statements are not all rewritten into pcqsched.Go", orig)
		}
	}
}

// TestRaiseGoVersion: a copied module's go directive is raised to what the
// rewrite needs when older or missing, never lowered.
func TestRaiseGoVersion(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"module m\n\ngo 1.15\n", "module m\n\ngo 1.18\n"},
		{"module m\n\ngo 1.17.3\n", "module m\n\ngo 1.18\n"},
		{"module m\n\ngo 1.22\n", "module m\n\ngo 1.22\n"},
		{"module m\n", "module m\n\ngo 1.18\n"},
	} {
		if got := string(raiseGoVersion([]byte(c.in))); got != c.want {
			t.Errorf("raiseGoVersion(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
