package linearizability

import (
	"strings"
	"testing"
)

// TestParseChecker checks that every checker's name parses back to it and
// that a mistyped name is an error, not a checker.
func TestParseChecker(t *testing.T) {
	for _, c := range []Checker{Auto, Fast, Porcupine} {
		got, err := ParseChecker(c.String())
		if err != nil || got != c {
			t.Fatalf("ParseChecker(%q) = %v, %v; want %v", c.String(), got, err, c)
		}
	}
	for _, name := range []string{"", "quick", "Fast", "porcupine "} {
		if _, err := ParseChecker(name); err == nil || !strings.Contains(err.Error(), "linearizability: unknown checker") {
			t.Fatalf("ParseChecker(%q): error %v, want an unknown checker", name, err)
		}
	}
	if s := Checker(9).String(); s != "Checker(9)" {
		t.Fatalf("Checker(9).String() = %q", s)
	}
}
