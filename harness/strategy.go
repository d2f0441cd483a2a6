package harness

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pcqkit/pcq/stress/sched"
)

// A Strategy is how the controlled scheduler picks the schedules that
// stress.Explore runs: [PCT], [RandomSchedules] or [Exhaustive].
type Strategy struct {
	kind string // "pct", "random", "dfs"
	n    int    // PCT's depth, DFS's preemption bound
}

// PCT picks schedules by probabilistic concurrency testing with bug depth
// depth (at least 1; 3 is a good default): random priorities, depth-1
// random priority drops, a goroutine that yields dropped below every other.
func PCT(depth int) Strategy { return Strategy{"pct", depth} }

// RandomSchedules lets a uniformly random goroutine run at every step.
func RandomSchedules() Strategy { return Strategy{"random", 0} }

// Exhaustive runs every fair schedule of each scenario with at most
// preemptions preemptions (CHESS's bounded search; fair: a goroutine
// spinning at a Gosched yields a few times at most before those it waits
// for run): a pass then says "all N schedules with at most k preemptions
// explored".
func Exhaustive(preemptions int) Strategy { return Strategy{"dfs", preemptions} }

// String returns the strategy as [ParseStrategy] reads it: "pct:3",
// "random", "dfs:2".
func (s Strategy) String() string {
	if s.kind == "random" {
		return s.kind
	}
	return fmt.Sprintf("%s:%d", s.kind, s.n)
}

// IsExhaustive reports whether the strategy runs every schedule within a
// bound.
func (s Strategy) IsExhaustive() bool { return s.kind == "dfs" }

// Explorer returns the scheduler's explorer of the strategy, seeded.
func (s Strategy) Explorer(seed int64) sched.Explorer {
	switch s.kind {
	case "random":
		return sched.Random(seed)
	case "dfs":
		return sched.DFS(s.n)
	}
	return sched.PCT(seed, s.n)
}

// ParseStrategy reads "pct:DEPTH", "pct" (depth 3), "random",
// "dfs:PREEMPTIONS" or "dfs" (bound 2).
func ParseStrategy(text string) (Strategy, error) {
	kind, arg, hasArg := strings.Cut(strings.TrimSpace(text), ":")
	n, err := strconv.Atoi(arg)
	switch {
	case kind == "random" && !hasArg:
		return RandomSchedules(), nil
	case (kind == "pct" || kind == "dfs") && !hasArg:
		return map[string]Strategy{"pct": PCT(3), "dfs": Exhaustive(2)}[kind], nil
	case kind == "pct" && err == nil && n >= 1:
		return PCT(n), nil
	case kind == "dfs" && err == nil && n >= 0:
		return Exhaustive(n), nil
	}
	return Strategy{}, fmt.Errorf("harness: strategy %q: want pct:DEPTH (depth >= 1), random or dfs:PREEMPTIONS", text)
}
