package instrument

import (
	"os"
	"os/exec"
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

// changedLines compares an original file with its rewritten copy: they must
// have the same number of lines; it returns the rewritten lines that differ.
func changedLines(t *testing.T, orig, copyPath string) []string {
	t.Helper()
	a, errA := os.ReadFile(orig)
	b, errB := os.ReadFile(copyPath)
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	before, after := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	if len(before) != len(after) {
		t.Fatalf("%s: %d lines, its rewritten copy %d", orig, len(before), len(after))
	}
	var changed []string
	for i := range before {
		if before[i] != after[i] {
			changed = append(changed, after[i])
		}
	}
	return changed
}
