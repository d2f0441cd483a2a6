package fuzz

import (
	"time"

	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
)

// Option changes a setting of [Check] and [RunOne].
type Option func(*config)

type config struct {
	kind          models.Kind
	capacities    []int // nil: 0..maxCapacity, 0 dropped for a bounded-only queue
	maxCapacity   int
	maxGoroutines int
	maxOps        int
	maxYield      int
	checker       linearizability.Checker
	timeout       time.Duration
	watchdog      time.Duration
	artifacts     string
	relax         []linearizability.Relaxation
}

// The defaults keep an input's run short (tens of milliseconds) and its
// history small enough for porcupine to decide at once.
const (
	defaultMaxCapacity   = 4
	defaultMaxGoroutines = 4
	defaultMaxOps        = 24
	defaultMaxYield      = 3
	defaultTimeout       = 10 * time.Second
	defaultWatchdog      = 10 * time.Second
)

func newConfig(opts []Option) *config {
	c := &config{
		maxCapacity:   defaultMaxCapacity,
		maxGoroutines: defaultMaxGoroutines,
		maxOps:        defaultMaxOps,
		maxYield:      defaultMaxYield,
		checker:       linearizability.Auto,
		timeout:       defaultTimeout,
		watchdog:      defaultWatchdog,
	}
	for _, o := range opts {
		o(c)
	}
	return c
}

// WithModel chooses the model the queue is held to: [models.FIFO] (the
// default), [models.LIFO] or [models.Priority] (smallest int first).
func WithModel(k models.Kind) Option { return func(c *config) { c.kind = k } }

// WithCapacities chooses the capacities the fuzzer's first byte picks
// from; 0 means unbounded. The queue's own Cap() is what the model uses,
// so an adapter that rounds a capacity up is held to the capacity it has.
// The default is 0 to [WithMaxCapacity]'s value, without 0 when newQueue
// panics on it (a bounded-only queue).
func WithCapacities(capacities ...int) Option {
	return func(c *config) { c.capacities = append([]int(nil), capacities...) }
}

// WithMaxCapacity sets the largest capacity of the default capacities
// (default 4; see [WithCapacities]).
func WithMaxCapacity(n int) Option { return func(c *config) { c.maxCapacity = max(n, 1) } }

// WithMaxGoroutines sets the most goroutines (clients) a scenario has
// (default 4, at most 16).
func WithMaxGoroutines(n int) Option {
	return func(c *config) { c.maxGoroutines = min(max(n, 1), 16) }
}

// WithMaxOps sets the most operations a scenario has, all goroutines
// together (default 24); the bytes beyond are ignored. Histories with
// len, task_done and join go to porcupine, whose time grows fast with
// their length: raise it with care.
func WithMaxOps(n int) Option { return func(c *config) { c.maxOps = max(n, 1) } }

// WithMaxYield sets the most runtime.Gosched calls before one operation
// (default 3; 0: none).
func WithMaxYield(n int) Option { return func(c *config) { c.maxYield = max(n, 0) } }

// WithChecker chooses the linearizability checker: linearizability.Auto
// (the default), Fast or Porcupine (see linearizability.WithChecker).
func WithChecker(checker linearizability.Checker) Option {
	return func(c *config) { c.checker = checker }
}

// WithTimeout sets the linearizability checker's time limit (default
// 10s). A checker that gives up fails the input: an undecided history is
// never a pass.
func WithTimeout(d time.Duration) Option { return func(c *config) { c.timeout = d } }

// WithWatchdog bounds one input's run (default 10s); a run still going
// then is a hang, reported with a goroutine dump.
func WithWatchdog(d time.Duration) Option { return func(c *config) { c.watchdog = d } }

// WithArtifacts sets the folder where a failing input's history file
// (history/FORMAT.md, readable by pcq check) and its HTML visualisation are
// written. [Check]'s default is pcq-fuzz/<target> under os.TempDir();
// [RunOne] writes none unless it is set.
func WithArtifacts(dir string) Option { return func(c *config) { c.artifacts = dir } }

// WithRelaxations holds the queue to the named relaxations of the strict
// model (linearizability.SpuriousTryFailures, linearizability.Lossy)
// instead of the strict model: each input's history is checked under them,
// and the cheap checks and probes that assume what they relax are relaxed
// or skipped (see scenario.Options.Relaxations). A passing input's log
// line and every [Failure] name them. The default is the strict model.
func WithRelaxations(rs ...linearizability.Relaxation) Option {
	return func(c *config) { c.relax = append(c.relax, rs...) }
}
