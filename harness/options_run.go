package harness

import (
	"time"

	"go.uber.org/goleak"
)

// WithSeed fixes the seed of every random choice, to replay a failure.
// The default is the time (stress: the environment's stress.SeedEnv, else
// the time); a failure states the seed it used. Read by property, stress
// and explore (fuzz's inputs are the fuzzer's).
func WithSeed(seed int64) Option {
	return setting("WithSeed", seeded, func(s *Settings) { s.Seed = seed })
}

// WithLogf sends what a run skipped or did not exercise (and stress's
// seed) to logf; each harness's Check uses t.Logf (f.Logf). Read by
// property, stress, fuzz and explore.
func WithLogf(logf func(format string, args ...any)) Option {
	return setting("WithLogf", all, func(s *Settings) {
		s.Logf = logf
		if logf == nil {
			s.Logf = func(string, ...any) {}
		}
	})
}

// WithWatchdog sets the time one run — a property's protocol workload, a
// stress round, a fuzz input — may go without progress before it counts
// as a hang and fails the [Watchdog] check with a goroutine dump
// (defaults: property 500ms, stress and fuzz 10s). A stress round or fuzz
// input that keeps completing steps is waited for, however loaded the
// machine. Read by property, stress and fuzz.
func WithWatchdog(d time.Duration) Option {
	return positive("WithWatchdog", watched, d, func(s *Settings) *time.Duration { return &s.Watchdog })
}

// WithRuns sets how many random command sequences, and how many protocol
// workloads of each kind, must pass for each capacity (default 100).
// Read by property.
func WithRuns(n int) Option {
	return atLeast("WithRuns", propertyOnly, n, 1, func(s *Settings) *int { return &s.Runs })
}

// WithSequenceLength sets the number of calls of the longest random
// command sequence (default 30; sequences grow from 0 calls to this many
// over the runs). Read by property.
func WithSequenceLength(n int) Option {
	return atLeast("WithSequenceLength", propertyOnly, n, 1, func(s *Settings) *int { return &s.SequenceLength })
}

// WithBlockWait sets how long a put, get or join that the model says must
// block is given before its context ends (default 1ms). It must then
// return context.DeadlineExceeded and have no effect. Read by property.
func WithBlockWait(d time.Duration) Option {
	return positive("WithBlockWait", propertyOnly, d, func(s *Settings) *time.Duration { return &s.BlockWait })
}

// WithGoroutines sets the number of client goroutines of every round
// (stress, default 6), or the most of every scenario (explore, default 3;
// its scenarios have 2 to n). Read by stress and explore.
func WithGoroutines(n int) Option {
	return atLeast("WithGoroutines", stressExplore, n, 1, func(s *Settings) *int { return &s.Goroutines })
}

// WithOpsPerGoroutine sets the operations each goroutine runs in the
// longest rounds (default 200); the rounds checked by porcupine
// (shutdown, len, join) run an eighth of it, at least 6. For explore, the
// most steps of each client (default 4; 2 to n). Read by stress and
// explore.
func WithOpsPerGoroutine(n int) Option {
	return atLeast("WithOpsPerGoroutine", stressExplore, n, 1, func(s *Settings) *int { return &s.OpsPerGoroutine })
}

// WithDuration sets the time budget: rounds run until it is spent
// (default 2.5s), at least two per capacity. [WithRounds] overrides it.
// For explore, the time budget of the schedules (default 10s; a schedule
// budget, [WithSchedules], ends it first). Read by stress and explore.
func WithDuration(d time.Duration) Option {
	return positive("WithDuration", stressExplore, d, func(s *Settings) *time.Duration { return &s.Duration })
}

// WithRounds runs exactly n rounds, whatever the time they take. Read by
// stress.
func WithRounds(n int) Option {
	return atLeast("WithRounds", stressOnly, n, 1, func(s *Settings) *int { return &s.Rounds })
}

// WithProbeWait sets how often the final probes of a round look at a
// blocked call that a correct queue wakes (default 1s): a call is stuck —
// a lost wake-up, say — when it and the probe's other calls still out are
// all parked at two looks in a row, so a lost wake-up is found after
// about twice d; a call that can run (a loaded machine) is waited for.
// Read by stress.
func WithProbeWait(d time.Duration) Option {
	return positive("WithProbeWait", stressOnly, d, func(s *Settings) *time.Duration { return &s.ProbeWait })
}

// WithGoleakOptions adds options to the leak check after every round, for
// a queue that runs goroutines of its own (goleak.IgnoreTopFunction...).
// Read by stress.
func WithGoleakOptions(opts ...goleak.Option) Option {
	return setting("WithGoleakOptions", stressOnly, func(s *Settings) { s.GoleakOptions = append(s.GoleakOptions, opts...) })
}
