package fuzz

import (
	"testing"

	"github.com/pcqkit/pcq/harness"
)

// named returns the kit's implementation called name.
func named(name string) impl {
	for _, m := range impls {
		if m.Name == name {
			return m
		}
	}
	panic("no implementation " + name)
}

// newLocked and newRing make the kit's Locked and Ring queues.
var newLocked, newRing = named("locked").New, named("ring").New

// check fuzzes the kit's implementation called name, with its model, as
// Check does, through Target: this file's fuzz functions call only f.Name,
// f.Add and f.Fuzz, so that go-118-fuzz-build can build them (see
// .clusterfuzzlite/targets).
func check(f *testing.F, name string) {
	m := named(name)
	target := NewTarget(f.Name(), m.New, harness.WithModel(m.Model))
	for _, seed := range target.Seeds() {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) { target.Fuzz(t, data) })
}

func FuzzLocked(f *testing.F) { check(f, "locked") }

func FuzzChan(f *testing.F) { check(f, "chan") }

func FuzzRing(f *testing.F) { check(f, "ring") }

func FuzzLinked(f *testing.F) { check(f, "linked") }

func FuzzLIFO(f *testing.F) { check(f, "lifo") }

func FuzzPriority(f *testing.F) { check(f, "priority") }
