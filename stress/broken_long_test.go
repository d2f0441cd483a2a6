package stress

import (
	"errors"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
)

// TestRunFailsOnLongLived: a default run (its own budget, its default
// capacities) catches each bug of a long-lived queue, in its first
// long-lived round; the short rounds before it do not.
//
// Measured (PCQ_MEASURE_LONG=500 go test -run TestMeasureLongCatch
// ./stress, without -race, different seeds): ring-index-wrap and
// node-pool-leak each caught by the first long-lived round in 500 of 500
// runs.
func TestRunFailsOnLongLived(t *testing.T) {
	for _, b := range broken.LongLived() {
		t.Run(b.Name, func(t *testing.T) {
			seed := time.Now().UnixNano()
			if _, err := Run(b.New, harness.WithSeed(seed), harness.WithRounds(longFirst)); err != nil {
				t.Fatalf("seed %d: the short rounds failed on %s: %v", seed, b.Name, err)
			}
			start := time.Now()
			res, err := Run(b.New, harness.WithSeed(seed))
			var f *Failure
			if !errors.As(err, &f) {
				t.Fatalf("seed %d: a default run passed %d rounds (%d ops) on %s (%s); err = %v", seed, res.Rounds, res.Ops, b.Name, b.Description, err)
			}
			if f.Mix != longMix.name || f.Round != longFirst {
				t.Fatalf("seed %d: caught in round %d (%s), want the first long-lived round %d: %v", seed, f.Round, f.Mix, longFirst, f)
			}
			t.Logf("caught by %s in round %d (capacity %d) after %v: %s", f.Check, f.Round, f.Capacity, time.Since(start).Round(time.Millisecond), firstLine(f.Explanation))
		})
	}
}

func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' {
			return s[:i]
		}
	}
	return s
}
