package linearizability

import "fmt"

// Checker chooses the checker that [Check] runs ([WithChecker]).
type Checker uint8

// The checkers. The zero value is Auto.
const (
	// Auto runs the fast checker when it can decide the history,
	// porcupine otherwise.
	Auto Checker = iota
	// Fast is the checker for FIFO histories with distinct put values:
	// O(n log n) violation patterns (Henzinger, Sezgin and Vafeiadis,
	// CONCUR 2013) and counting, and, where a capacity binds, a search
	// over orders of the values, polynomial for bounded overlap, whose
	// linearizations are replayed; and for unbounded LIFO histories with
	// distinct put values: values that can be at the bottom of the stack
	// peeled off one by one, polynomial; and likewise for unbounded
	// priority histories with distinct put values: values that can end
	// the queue's first busy period peeled off one by one. A history it
	// cannot decide gets the verdict Unknown, saying why.
	Fast
	// Porcupine is the exact search of github.com/anishathalye/porcupine
	// over the sequential model, for every kind and operation; exponential
	// in the worst case, so bounded by [WithTimeout].
	Porcupine
)

var checkerNames = [...]string{Auto: "auto", Fast: "fast", Porcupine: "porcupine"}

// String returns "auto", "fast" or "porcupine".
func (c Checker) String() string {
	if int(c) < len(checkerNames) {
		return checkerNames[c]
	}
	return fmt.Sprintf("Checker(%d)", c)
}

// ParseChecker parses a checker's name as written by [Checker.String]. A
// name that is none of them is an error, never a checker.
func ParseChecker(s string) (Checker, error) {
	for c, name := range checkerNames {
		if s == name {
			return Checker(c), nil
		}
	}
	return 0, fmt.Errorf("linearizability: unknown checker %q (want auto, fast or porcupine)", s)
}
