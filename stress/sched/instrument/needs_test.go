package instrument

import (
	"slices"
	"testing"
)

func TestNeededReadsNeedsText(t *testing.T) {
	pkgs := []string{"example.com/a", "example.com/b"}
	report := "--- FAIL: FuzzX\n    x.go:1: fuzz: go test -fuzz " + NeedsText(pkgs) + ": run it through ...\nFAIL\n"
	if got := Needed(report); !slices.Equal(got, pkgs) {
		t.Errorf("Needed = %v, want %v", got, pkgs)
	}
	if got := Needed("--- FAIL: FuzzX\n    boom\n"); got != nil {
		t.Errorf("Needed of an ordinary failure = %v, want nil", got)
	}
}
