package main

import (
	"strings"
	"testing"
)

func TestParseImpls(t *testing.T) {
	all, err := parseImpls("all")
	if err != nil || len(all) != len(impls) {
		t.Fatalf("parseImpls(all) = %d impls, %v; want %d", len(all), err, len(impls))
	}
	got, err := parseImpls("ring, locked,ring")
	if err != nil || len(got) != 2 || got[0].name != "ring" || got[1].name != "locked" {
		t.Fatalf("parseImpls(ring, locked,ring) = %v, %v", got, err)
	}
	if _, err := parseImpls("ring,nope"); err == nil || !strings.Contains(err.Error(), `"nope"`) {
		t.Fatalf("parseImpls(ring,nope): err = %v", err)
	}
}

// TestImplsCapacities: every implementation takes the capacities it says
// it takes, reports them with Cap, and checkCap refuses the others.
func TestImplsCapacities(t *testing.T) {
	for _, m := range impls {
		for _, c := range []int{0, 1, 5} {
			err := m.checkCap(c)
			if ok := (c > 0 && m.bounded) || (c == 0 && m.unbounded); ok != (err == nil) {
				t.Fatalf("%s.checkCap(%d) = %v", m.name, c, err)
			}
			if err == nil {
				if got := m.new(c).Cap(); got != c {
					t.Fatalf("%s with capacity %d: Cap() = %d", m.name, c, got)
				}
			}
		}
	}
}
