package stress

import (
	"errors"
	"testing"
	"time"

	"github.com/pcqkit/pcq/internal/broken"
)

// brokenBudget bounds the search for each bug: Run stops at the first
// failure, which most bugs give in their first rounds; the races of
// get-twice and taskdone-race need contention and take longer.
const brokenBudget = 15 * time.Second

func TestRunFailsOnBroken(t *testing.T) {
	for _, b := range broken.All() {
		if !b.CaughtBy("stress") {
			continue
		}
		t.Run(b.Name, func(t *testing.T) {
			seed := time.Now().UnixNano()
			start := time.Now()
			res, err := Run(b.New, WithSeed(seed), WithDuration(brokenBudget))
			var f *Failure
			if !errors.As(err, &f) {
				t.Fatalf("seed %d: Run passed %d rounds (%d ops) on the broken queue %s (%s); err = %v",
					seed, res.Rounds, res.Ops, b.Name, b.Description, err)
			}
			if f.Check == "setup" || f.Check == "recording" || f.Check == "leak" {
				t.Fatalf("seed %d: failed for a reason that is not the bug: %v", seed, f)
			}
			t.Logf("caught by %s in round %d (%s, GOMAXPROCS %d, capacity %d) after %v",
				f.Check, f.Round, f.Mix, f.GOMAXPROCS, f.Capacity, time.Since(start).Round(time.Millisecond))
		})
	}
}
