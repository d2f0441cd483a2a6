package scenario

import (
	"context"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/linearizability"
)

var (
	relaxLossy    = []linearizability.Relaxation{linearizability.Lossy}
	relaxSpurious = []linearizability.Relaxation{linearizability.SpuriousTryFailures}
)

// relaxConfigs exercise try-operations, a bounded queue and tasks.
var relaxConfigs = []Config{
	{Clients: 4, Steps: 40, Capacity: 2, Mix: Basic, MaxYield: 2},
	{Clients: 4, Steps: 40, Capacity: 0, Mix: Full, Shutdown: Soft, MaxYield: 2},
}

// runSeeds runs seeds scenarios and returns the first failure, or the last
// passing outcome.
func runSeeds(t *testing.T, newQueue harness.Factory, rs []linearizability.Relaxation, seeds uint64) (Outcome, uint64) {
	t.Helper()
	var o Outcome
	for seed := range seeds {
		s := gen(seed, relaxConfigs[seed%uint64(len(relaxConfigs))])
		o = Run(context.Background(), newQueue, s, Options{Relaxations: rs})
		if !o.Passed() {
			return o, seed
		}
	}
	return o, seeds
}

func TestRunRelaxations(t *testing.T) {
	for _, tc := range []struct {
		name     string
		newQueue harness.Factory
		strict   bool // fails strictly
		relax    []linearizability.Relaxation
		pass     bool
	}{
		{"lossy strict", broken.NewLossy, true, nil, false},
		{"lossy relaxed", broken.NewLossy, true, relaxLossy, true},
		{"lossy under spurious", broken.NewLossy, true, relaxSpurious, false},
		{"lossy-reorder relaxed", broken.NewLossyReorder, true, relaxLossy, false},
		{"spurious strict", broken.NewSpurious, true, nil, false},
		{"spurious relaxed", broken.NewSpurious, true, relaxSpurious, true},
		{"spurious under lossy", broken.NewSpurious, true, relaxLossy, false},
		{"correct under both", broken.NewCorrect, false, []linearizability.Relaxation{linearizability.Lossy, linearizability.SpuriousTryFailures}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o, seed := runSeeds(t, tc.newQueue, tc.relax, 6)
			if o.Passed() != tc.pass {
				t.Fatalf("seed %d: passed %v, want %v: %v", seed, o.Passed(), tc.pass, o.Err())
			}
			if !tc.pass {
				t.Logf("seed %d: %v", seed, o.Err())
				return
			}
			if len(tc.relax) > 0 && !strings.HasPrefix(o.Report.VerdictText(), "linearizable with ") {
				t.Fatalf("the verdict does not name the relaxations: %q", o.Report.VerdictText())
			}
			if len(o.Relaxations) != len(tc.relax) {
				t.Fatalf("Outcome.Relaxations %v", o.Relaxations)
			}
		})
	}
}

func TestRunLossyCountsDrops(t *testing.T) {
	s := gen(1, relaxConfigs[0])
	o := Run(context.Background(), broken.NewLossy, s, Options{Relaxations: relaxLossy})
	if !o.Passed() || o.Drops == 0 || o.Drops != o.Report.Drops {
		t.Fatalf("passed %v, drops %d (report %d): %v", o.Passed(), o.Drops, o.Report.Drops, o.Err())
	}
	if !strings.Contains(strings.Join(o.NotProbed, "; "), "not probed under Lossy") {
		t.Fatalf("NotProbed %v does not say what Lossy skipped", o.NotProbed)
	}
}
