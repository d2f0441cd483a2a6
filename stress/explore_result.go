package stress

import (
	"fmt"
	"time"

	"github.com/pcqkit/pcq/harness"
)

// ExploreResult says what a passing (or failing) [ExploreRun] did.
type ExploreResult struct {
	Strategy  harness.Strategy
	Seed      int64 // the seed of the scenarios and of the strategy
	Scenarios int   // scenarios explored
	Schedules int   // schedules run
	Distinct  int   // distinct schedules among them
	Steps     int   // scheduling steps, over all schedules
	// Complete counts the scenarios whose every schedule within the
	// bound ran (an exhaustive strategy); Incomplete, those cut short by
	// harness.WithSchedules or the time budget.
	Complete, Incomplete int
	Packages             []string // the packages whose synchronisation was scheduled
	Elapsed              time.Duration
}

// String says what was explored, and what that claims: "all 812
// schedules with at most 2 preemptions of 3 scenario(s) explored: no
// violation" for an exhaustive strategy that finished every scenario it
// began ("... explored completely, 1 cut short by the budget: not every
// schedule ran" when one was cut short), "1000 schedules (998 distinct)
// of 1000 scenarios, pct:3: no violation" otherwise.
func (r ExploreResult) String() string {
	took := fmt.Sprintf("seed %d, %v", r.Seed, r.Elapsed.Round(time.Millisecond))
	if !r.Strategy.IsExhaustive() {
		return fmt.Sprintf("%d schedules (%d distinct) of %d scenarios, %s, %s",
			r.Schedules, r.Distinct, r.Scenarios, r.Strategy, took)
	}
	bound := r.Strategy.String()[len("dfs:"):]
	if r.Incomplete == 0 {
		return fmt.Sprintf("all %d schedules with at most %s preemptions of %d scenario(s) explored, %s",
			r.Schedules, bound, r.Complete, took)
	}
	return fmt.Sprintf("%d schedules with at most %s preemptions: %d scenario(s) explored completely, %d cut short by the budget (not every schedule of those ran), %s",
		r.Schedules, bound, r.Complete, r.Incomplete, took)
}
