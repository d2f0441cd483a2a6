package main

import (
	"strings"
	"testing"
)

// pcq check -steps: a negative budget is a bad command line; a budget the
// search reaches answers unknown (exit 2) and says so, the same every time;
// a budget it does not reach leaves the verdict.
func TestCheckStepBudget(t *testing.T) {
	file := histories + "fifo-ok.jsonl"
	if code, _, errOut := capture(t, "check", "-steps", "-1", file); code != exitBadFile || !strings.Contains(errOut, "-steps: negative number of steps -1") {
		t.Errorf("-steps -1: exit %d, stderr %q", code, errOut)
	}
	for range 2 {
		code, out, _ := capture(t, "check", "-checker", "porcupine", "-steps", "1", file)
		if code != exitUnknown || !strings.Contains(out, "step budget of 1 reached") {
			t.Fatalf("-steps 1: exit %d, stdout:\n%s", code, out)
		}
	}
	if code, out, _ := capture(t, "check", "-checker", "porcupine", "-steps", "1000000", file); code != exitLinearizable {
		t.Errorf("-steps 1000000: exit %d, stdout:\n%s", code, out)
	}
}
