// Package prio is the linearizability package's checker for priority
// queue histories (models.Priority: a get takes the smallest value) with
// distinct put values: it decides them in polynomial time by peeling off,
// again and again, the value that can end the queue's first busy period
// (busy.go has the argument), instead of searching for a linearization.
// [Check] is the way in; it says when it cannot decide a history, which
// then goes to porcupine.
//
// The approach is the decrease-and-conquer of Lee and Mathur ("Efficient
// Decrease-And-Conquer Linearizability Monitoring", arXiv 2410.04581),
// in the shape of the stack checker (package lifo): find a value whose
// removal leaves a history that is linearizable exactly when the whole
// is, remove it, repeat. The conditions and the choice of candidates are
// ours, argued in busy.go. What the check shares with the stack checker
// (the prepared history, the Check skeleton, the shrink of a violation,
// the peeler's core) is package peel's; this package holds the rule.
package prio
