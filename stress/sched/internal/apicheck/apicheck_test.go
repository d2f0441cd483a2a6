package apicheck

import (
	"slices"
	"strings"
	"testing"
)

// TestCompareSame: a package compared with itself has no difference.
func TestCompareSame(t *testing.T) {
	diffs, err := Compare("sync/atomic", "sync/atomic")
	if err != nil {
		t.Fatal(err)
	}
	if len(diffs) != 0 {
		t.Fatalf("sync/atomic differs from itself:\n%s", strings.Join(diffs, "\n"))
	}
}

// TestCompareFindsMissing: the differences of two unlike packages name the
// missing functions, the changed signatures and the extra identifiers.
func TestCompareFindsMissing(t *testing.T) {
	diffs, err := Compare("unicode/utf16", "unicode/utf8")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Decode: missing (want func(s []uint16) []rune)",
		"EncodeRune: got func(p []byte, r rune) int, want func(r rune) (r1 rune, r2 rune)",
		"ValidString: not in the standard package (func(s string) bool)",
	} {
		if !slices.Contains(diffs, want) {
			t.Errorf("no line %q in:\n%s", want, strings.Join(diffs, "\n"))
		}
	}
}
