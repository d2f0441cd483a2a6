package history

// Option configures a [Recorder].
type Option func(*Recorder)

// WithClock makes the recorder time-stamp each operation with clock instead
// of the monotonic clock: clock is read once before the call and once after
// the return, behind the same fences. Its values must never decrease, and
// every client's goroutine calls it, so it must be safe for the way the
// clients run (a plain counter is enough when a controlled scheduler runs
// one client at a time; an atomic counter otherwise, at the price of the
// happens-before edges it adds between clients).
//
// A controlled scheduler uses it to stamp operations with its logical
// clock, which ticks at every step and at every reading: a history's times
// then say in which steps each operation was pending, and one client's
// operations never touch even when several run within one step (touching
// intervals are concurrent, FORMAT.md).
func WithClock(clock func() int64) Option {
	return func(r *Recorder) { r.clock = clock }
}
