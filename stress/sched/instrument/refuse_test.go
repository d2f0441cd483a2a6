package instrument

import (
	"strings"
	"testing"
)

// TestRefuses: a standard package, a package of the scheduler and a pattern
// that matches nothing are errors, not overlays.
func TestRefuses(t *testing.T) {
	for pattern, want := range map[string]string{
		"sync":                                 "instrument: sync is a standard package",
		mirrorSyncPath:                         "instrument: " + mirrorSyncPath + " is part of the scheduler",
		schedPath:                              "instrument: " + schedPath + " is part of the scheduler",
		"github.com/pcqkit/pcq/no/such/pkg":    "instrument: go list github.com/pcqkit/pcq/no/such/pkg",
		"github.com/pcqkit/pcq/internal/x/...": "instrument: no package matches github.com/pcqkit/pcq/internal/x/...",
	} {
		_, err := Overlay(t.TempDir(), pattern)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("Overlay(%s): error %v, want one starting %q", pattern, err, want)
		}
	}
}
