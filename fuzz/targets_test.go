package fuzz_test

import (
	"testing"

	"github.com/pcqkit/pcq/fuzz"
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

// check fuzzes the kit's implementation called name, with its model.
func check(f *testing.F, name string) {
	m := named(name)
	fuzz.Check(f, m.New, harness.WithModel(m.Model))
}

func FuzzLocked(f *testing.F) { check(f, "locked") }

func FuzzChan(f *testing.F) { check(f, "chan") }

func FuzzRing(f *testing.F) { check(f, "ring") }

func FuzzLinked(f *testing.F) { check(f, "linked") }

func FuzzLIFO(f *testing.F) { check(f, "lifo") }

func FuzzPriority(f *testing.F) { check(f, "priority") }
