package sched

import "sync"

// marked holds the import paths of the packages built instrumented.
var marked sync.Map // string -> bool

// MarkInstrumented records that package pkg was built with the overlay
// that redirects its synchronisation to the scheduler: the overlay adds a
// file to each package it instruments whose init calls it. Code does not
// call it otherwise.
func MarkInstrumented(pkg string) { marked.Store(pkg, true) }

// Instrumented reports whether package pkg was built instrumented (see
// [MarkInstrumented]).
func Instrumented(pkg string) bool {
	_, ok := marked.Load(pkg)
	return ok
}
