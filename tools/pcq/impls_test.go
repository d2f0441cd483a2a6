package main

import (
	"strings"
	"testing"

	"github.com/pcqkit/pcq/models"
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

// TestLookupBrokenModels: a broken queue runs with its model: FIFO, or
// LIFO or priority for the broken stacks and priority queues.
func TestLookupBrokenModels(t *testing.T) {
	for name, want := range map[string]models.Kind{
		"get-twice": models.FIFO, "lossy": models.FIFO,
		"stack-shrink-reverse": models.LIFO, "heap-siftup-root": models.Priority,
	} {
		m, err := lookupImpl(brokenPrefix + name)
		if err != nil || m.kind != want || m.new(0) == nil {
			t.Errorf("lookupImpl(broken:%s) = %s %v, %v; want the %v model", name, m.name, m.kind, err, want)
		}
	}
	if _, err := lookupImpl("broken:nope"); err == nil || !strings.Contains(err.Error(), "heap-siftup-root") {
		t.Errorf("lookupImpl(broken:nope): err = %v; want the list of names", err)
	}
}
