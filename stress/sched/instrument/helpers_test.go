package instrument

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// goTool runs the go command with args and returns its combined output; a
// failure fails the test with that output.
func goTool(t *testing.T, args ...string) string {
	t.Helper()
	out, err := runGo(args...)
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// runGo runs the go command with args and returns its combined output.
func runGo(args ...string) (string, error) {
	out, err := exec.Command("go", args...).CombinedOutput()
	return string(out), err
}

// wantRewritten checks that each file of dir named in want is in the
// overlay res and that its rewritten lines are exactly want's.
func wantRewritten(t *testing.T, dir string, res *Result, want map[string][]string) {
	t.Helper()
	for name, lines := range want {
		orig := filepath.Join(dir, name)
		copyPath, ok := res.Replace[orig]
		if !ok {
			t.Fatalf("%s not in the overlay %v", name, res.Replace)
		}
		if got := changedLines(t, orig, copyPath); !slices.Equal(got, lines) {
			t.Errorf("%s: changed lines\n%q\nwant\n%q", name, got, lines)
		}
	}
}

// changedLines compares an original file with its rewritten copy: they must
// have the same number of lines; it returns the rewritten lines that differ.
func changedLines(t *testing.T, orig, copyPath string) []string {
	t.Helper()
	_, after := linesOf(t, orig, copyPath)
	var changed []string
	for _, n := range changedLineNumbers(t, orig, copyPath) {
		changed = append(changed, after[n-1])
	}
	return changed
}

// changedLineNumbers is [changedLines] as line numbers, from 1.
func changedLineNumbers(t *testing.T, orig, copyPath string) []int {
	t.Helper()
	before, after := linesOf(t, orig, copyPath)
	var changed []int
	for i := range before {
		if before[i] != after[i] {
			changed = append(changed, i+1)
		}
	}
	return changed
}

// linesOf reads the lines of an original file and of its rewritten copy,
// failing the test if their numbers differ.
func linesOf(t *testing.T, orig, copyPath string) (before, after []string) {
	t.Helper()
	a, errA := os.ReadFile(orig)
	b, errB := os.ReadFile(copyPath)
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	before, after = strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	if len(before) != len(after) {
		t.Fatalf("%s: %d lines, its rewritten copy %d", orig, len(before), len(after))
	}
	return before, after
}
