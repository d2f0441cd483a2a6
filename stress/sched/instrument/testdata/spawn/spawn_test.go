package spawn

import (
	"slices"
	"testing"
)

// TestForms: Forms gives what the go statements' semantics say.
func TestForms(t *testing.T) {
	for range 20 {
		got, events := Forms()
		if !slices.Equal(got, Want) || events != WantEvents {
			t.Fatalf("got %v, events %s; want %v, %s", got, events, Want, WantEvents)
		}
	}
}
