// Package verdicts runs pcq's three harnesses — property.Run, stress.Run
// and fuzz.RunOne — over every adapted third-party queue of
// [adapters.All] and turns their answers into a verdict table.
//
// Every run is bounded and seeded: the property harness and the stress
// harness take a fixed seed, and the fuzz harness runs a fixed list of
// inputs drawn from a seeded generator. Capacities are the ones each
// adapter really has (see [Capacities]), so that a library that rounds a
// capacity up is held to the capacity in force. Operations an adapter
// does not support (errors.ErrUnsupported, a negative Len) are listed,
// not exercised.
//
// The harnesses hold every queue to the strict model: a library that
// declares a relaxation (linearizability.Lossy) or is not thread-safe is
// expected to fail them, and its verdict says so. For a Lossy library
// the failing stress histories are checked again under the lossy
// relaxation (see [CheckLossy]).
package verdicts
