package stress

import (
	"os"
	"strconv"
	"time"

	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
	"go.uber.org/goleak"
)

// Option changes a setting of [Check] and [Run].
type Option func(*config)

type config struct {
	kind         models.Kind
	capacities   []int // nil: 1, 4 and unbounded where the queue allows
	goroutines   int
	ops          int
	duration     time.Duration
	rounds       int
	seed         int64
	artifacts    string
	tempArtifact bool   // Check: write artifacts to a fresh temporary folder when none is set
	testName     string // Check: the test, for the replay command
	checker      linearizability.Checker
	checkTimeout time.Duration
	watchdog     time.Duration
	probeWait    time.Duration
	leakOpts     []goleak.Option
	logf         func(format string, args ...any)
	relax        []linearizability.Relaxation
}

// SeedEnv is the environment variable that sets the default seed, so that
// a failure replays without editing the test:
// PCQ_STRESS_SEED=1234 go test -run TestMyQueue.
const SeedEnv = "PCQ_STRESS_SEED"

func newConfig(opts []Option) *config {
	c := &config{
		goroutines:   6,
		ops:          200,
		duration:     2500 * time.Millisecond,
		seed:         time.Now().UnixNano(),
		checker:      linearizability.Auto,
		checkTimeout: 10 * time.Second,
		watchdog:     10 * time.Second,
		probeWait:    time.Second,
		logf:         func(string, ...any) {},
	}
	if s, err := strconv.ParseInt(os.Getenv(SeedEnv), 10, 64); err == nil {
		c.seed = s
	}
	for _, o := range opts {
		o(c)
	}
	return c
}

// WithModel chooses the model the queue is held to: [models.FIFO] (the
// default), [models.LIFO] or [models.Priority] (smallest int first).
func WithModel(k models.Kind) Option { return func(c *config) { c.kind = k } }

// WithCapacities chooses the capacities to try, in turn; 0 means
// unbounded. The default is 1, 4 and 0, where 0 is skipped (and the skip
// logged) when newQueue panics on it: a bounded-only queue.
func WithCapacities(capacities ...int) Option {
	return func(c *config) { c.capacities = append([]int(nil), capacities...) }
}

// WithGoroutines sets the number of client goroutines of a round
// (default 6).
func WithGoroutines(n int) Option { return func(c *config) { c.goroutines = max(n, 1) } }

// WithOps sets the operations per goroutine of the longest rounds
// (default 200); the rounds checked by porcupine (shutdown, len, join)
// run an eighth of it, at least 6.
func WithOps(n int) Option { return func(c *config) { c.ops = max(n, 1) } }

// WithDuration sets the time budget: rounds run until it is spent
// (default 2.5s), at least two per capacity. [WithRounds] overrides it.
func WithDuration(d time.Duration) Option { return func(c *config) { c.duration = d } }

// WithRounds runs exactly n rounds, whatever the time they take.
func WithRounds(n int) Option { return func(c *config) { c.rounds = max(n, 1) } }

// WithSeed fixes the seed that every round's scenario is drawn from. The
// default is the environment's [SeedEnv] or else the time; the seed is
// always logged, and a failure report states it.
func WithSeed(seed int64) Option { return func(c *config) { c.seed = seed } }

// WithArtifacts sets the folder where a failure writes its history
// (history.jsonl, the format of history/FORMAT.md), its HTML visualisation
// (visual.html) and its explanation (report.txt, with the goroutine dump
// of a hang). [Run] writes none without it; [Check] then uses a new
// temporary folder.
func WithArtifacts(dir string) Option { return func(c *config) { c.artifacts = dir } }

// WithChecker chooses the linearizability checker: linearizability.Auto
// (default), Fast or Porcupine (see linearizability.WithChecker).
func WithChecker(checker linearizability.Checker) Option {
	return func(c *config) { c.checker = checker }
}

// WithCheckTimeout bounds porcupine's time per round (default 10s); a
// round it cannot decide in time fails as undecided, never passes.
func WithCheckTimeout(d time.Duration) Option { return func(c *config) { c.checkTimeout = d } }

// WithWatchdog sets the time a round may take before it counts as a hang
// and fails with a goroutine dump (default 10s).
func WithWatchdog(d time.Duration) Option { return func(c *config) { c.watchdog = d } }

// WithProbeWait sets how long the final probes wait for a blocked call
// that a correct queue wakes at once (default 1s): a lost wake-up is found
// after that long.
func WithProbeWait(d time.Duration) Option { return func(c *config) { c.probeWait = d } }

// WithGoleakOptions adds options to the leak check after every round, for
// a queue that runs goroutines of its own (goleak.IgnoreTopFunction...).
func WithGoleakOptions(opts ...goleak.Option) Option {
	return func(c *config) { c.leakOpts = append(c.leakOpts, opts...) }
}

// WithLogf sends the seed, the skipped capacities and what was not
// exercised to logf; [Check] uses t.Logf.
func WithLogf(logf func(format string, args ...any)) Option {
	return func(c *config) { c.logf = logf }
}
