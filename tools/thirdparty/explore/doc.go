// Package explore runs pcq's controlled scheduler (stress.Explore) on every
// adapted third-party queue, unchanged: the adapter's package and the
// library's packages ([adapters.Library.Packages]) are built with the
// instrument overlay, so that every atomic, lock, Gosched and go statement
// inside the library is a scheduling point, and the strategies choose the
// interleaving. A library with a bug is caught with a replay token that
// reproduces the failure every time, and the trace names the library's own
// lines ([Outcome.Where]); a clean one passes an exhaustive bound on small
// scenarios and a PCT budget.
//
// [Run] needs a test binary built with the overlay: call it from a test
// after instrument.RerunWith(t, instrument.Options{Channels: true},
// [Packages](libs)...), as the verdicts package's TestExplore does.
// cmd/verdicts runs that test and reads its outcomes ([OutEnv],
// [ReadOutcomes]) for the verdict table's explore column.
package explore
