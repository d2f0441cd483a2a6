// Package fast is the linearizability package's O(n log n) checker for
// FIFO histories with distinct put values: it looks for the violation
// patterns of Henzinger, Sezgin and Vafeiadis (CONCUR 2013) instead of
// searching for a linearization, and, when a capacity could bind, builds a
// candidate linearization and replays it. [Check] is the way in; it says
// when it cannot decide a history, which then goes to porcupine.
package fast
