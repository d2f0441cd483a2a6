package property

import (
	"time"

	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
)

// Option changes a setting of [Check] and [Run].
type Option func(*config)

type config struct {
	kind       models.Kind
	capacities []int // nil: 1, 3 and unbounded where the queue allows
	seed       int64
	runs       int
	maxOps     int
	blockWait  time.Duration // how long a call that must block is given
	proceed    time.Duration // how long a call that must not block is given
	watchdog   time.Duration // the most one protocol scenario may take
	logf       func(format string, args ...any)
	relax      []linearizability.Relaxation
}

func newConfig(opts []Option) *config {
	c := &config{
		seed:      time.Now().UnixNano(),
		runs:      100,
		maxOps:    30,
		blockWait: time.Millisecond,
		proceed:   100 * time.Millisecond,
		watchdog:  500 * time.Millisecond,
		logf:      func(string, ...any) {},
	}
	for _, o := range opts {
		o(c)
	}
	return c
}

// WithModel chooses the model the queue is held to: [models.FIFO] (the
// default), [models.LIFO] or [models.Priority] (smallest int first).
func WithModel(k models.Kind) Option { return func(c *config) { c.kind = k } }

// WithCapacities chooses the capacities to try; 0 means unbounded. The
// default is 1, 3 and 0, where 0 is skipped (and the skip logged) when
// newQueue panics on it: a bounded-only queue.
func WithCapacities(capacities ...int) Option {
	return func(c *config) { c.capacities = append([]int(nil), capacities...) }
}

// WithSeed fixes the seed of every random choice, to replay a failure.
// The default is the time; a failure report states the seed it used.
func WithSeed(seed int64) Option { return func(c *config) { c.seed = seed } }

// WithRuns sets how many random command sequences, and how many protocol
// scenarios of each kind, must pass for each capacity (default 100).
func WithRuns(n int) Option { return func(c *config) { c.runs = max(n, 1) } }

// WithMaxOps sets the length of the longest command sequence (default 30;
// sequences grow from 0 to this length over the runs).
func WithMaxOps(n int) Option { return func(c *config) { c.maxOps = max(n, 1) } }

// WithBlockWait sets how long a put, get or join that the model says must
// block is given before its context ends (default 1ms). It must then return
// context.DeadlineExceeded and have no effect.
func WithBlockWait(d time.Duration) Option { return func(c *config) { c.blockWait = d } }

// WithWatchdog sets the time a protocol scenario may take before it counts
// as a hang and fails with a goroutine dump (default 500ms; a
// scenario of a correct queue takes about a millisecond).
func WithWatchdog(d time.Duration) Option { return func(c *config) { c.watchdog = d } }

// WithLogf sends what Run skipped or did not exercise to logf; [Check]
// uses t.Logf.
func WithLogf(logf func(format string, args ...any)) Option {
	return func(c *config) { c.logf = logf }
}
