package main

import (
	"errors"
	"io"
	"testing"
)

// TestHelpExitsZero: -h prints the flags and exits 0, as pcq -h does; a
// bad flag exits 1.
func TestHelpExitsZero(t *testing.T) {
	if code := exitCode(run([]string{"-h"}, io.Discard)); code != 0 {
		t.Errorf("-h exits %d, want 0", code)
	}
	if code := exitCode(run([]string{"-no-such-flag"}, io.Discard)); code != 1 {
		t.Errorf("a bad flag exits %d, want 1", code)
	}
	if code := exitCode(errors.New("boom")); code != 1 {
		t.Errorf("a failure exits %d, want 1", code)
	}
}
