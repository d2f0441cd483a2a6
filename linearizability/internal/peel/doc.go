// Package peel is what the linearizability package's polynomial checkers
// for stacks (package lifo) and priority queues (package prio) share: a
// history prepared for peeling values off it ([Prepare]: each get joined
// to its put, what has no effect left out), the [Check] skeleton, the
// delta-debugging shrink of a violation to a few operations, the empties
// and the max segment tree the peeling rules use, and the explanations of
// the violations found while preparing. What differs between the
// structures, the model kind, their names in messages and the peeling
// rule with its explanation, comes in a [Structure].
//
// The approach is the decrease-and-conquer of Lee and Mathur ("Efficient
// Decrease-And-Conquer Linearizability Monitoring", arXiv 2410.04581):
// find a value whose removal leaves a history that is linearizable
// exactly when the whole is, remove it, repeat. Each structure's rule is
// argued in its package (lifo/bottom.go, prio/busy.go).
package peel
