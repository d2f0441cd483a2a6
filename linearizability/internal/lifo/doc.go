// Package lifo is the linearizability package's checker for stack (LIFO)
// histories with distinct put values: it decides them in polynomial time
// by peeling off, again and again, a value that can be at the bottom of
// the stack (bottom.go has the argument), instead of searching for a
// linearization. [Check] is the way in; it says when it cannot decide a
// history, which then goes to porcupine.
//
// The approach is the decrease-and-conquer of Lee and Mathur ("Efficient
// Decrease-And-Conquer Linearizability Monitoring", arXiv 2410.04581):
// find a value whose removal leaves a history that is linearizable
// exactly when the whole is, remove it, repeat. The condition for a
// bottom value and the split it allows are ours, argued in bottom.go.
// What the check shares with the priority queue checker (the prepared
// history, the Check skeleton, the shrink of a violation, the peeler's
// core) is package peel's; this package holds the rule.
package lifo
