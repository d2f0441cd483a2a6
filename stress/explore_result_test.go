package stress

import (
	"strings"
	"testing"

	"github.com/pcqkit/pcq/harness"
)

// TestExploreResultSaysWhatItCovered: an exhaustive result says "all"
// only when no scenario was cut short by the budget, and says how many
// were when some were.
func TestExploreResultSaysWhatItCovered(t *testing.T) {
	dfs := harness.Exhaustive(2)
	cases := []struct {
		r         ExploreResult
		want, not string
	}{
		{ExploreResult{Strategy: dfs, Scenarios: 3, Schedules: 812, Complete: 3}, "all 812 schedules with at most 2 preemptions of 3 scenario(s) explored", "cut short"},
		{ExploreResult{Strategy: dfs, Scenarios: 2, Schedules: 3000, Complete: 1, Incomplete: 1}, "3000 schedules with at most 2 preemptions: 1 scenario(s) explored completely, 1 cut short by the budget", "all "},
		{ExploreResult{Strategy: harness.PCT(3), Scenarios: 1000, Schedules: 1000, Distinct: 998}, "1000 schedules (998 distinct) of 1000 scenarios, pct:3", "all "},
	}
	for _, c := range cases {
		got := c.r.String()
		if !strings.HasPrefix(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("%+v:\n got %q\nwant it to start with %q, without %q", c.r, got, c.want, c.not)
		}
	}
}
