// Package fast is the linearizability package's checker for FIFO
// histories with distinct put values: it looks for the violation patterns
// of Henzinger, Sezgin and Vafeiadis (CONCUR 2013) and counts what must
// be queued, in O(n log n), instead of searching for a linearization;
// where a capacity binds, it searches over the orders of the values
// (orders.go: exact for histories whose outcomes are all known, and
// polynomial for bounded overlap) and replays the linearization it
// finds. [Check] is the way in; it says when it cannot decide a history,
// which then goes to porcupine.
package fast
