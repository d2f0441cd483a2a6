package property

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/linearizability"
)

func TestRunRelaxations(t *testing.T) {
	lossy, spurious := linearizability.Lossy, linearizability.SpuriousTryFailures
	for _, tc := range []struct {
		name     string
		newQueue harness.Factory
		relax    []linearizability.Relaxation
		pass     bool
		log      string // the log must say it
	}{
		{"lossy strict", broken.NewLossy, nil, false, ""},
		{"lossy relaxed", broken.NewLossy, []linearizability.Relaxation{lossy}, true, "commands not run: Lossy"},
		{"spurious strict", broken.NewSpurious, nil, false, ""},
		{"spurious relaxed", broken.NewSpurious, []linearizability.Relaxation{spurious}, true, ""},
		{"lossy under spurious", broken.NewLossy, []linearizability.Relaxation{spurious}, false, ""},
		{"correct relaxed", broken.NewCorrect, []linearizability.Relaxation{spurious, lossy}, true, "sentinels not run: Lossy"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			seed := time.Now().UnixNano()
			var log strings.Builder
			logf := func(format string, args ...any) { fmt.Fprintf(&log, format+"\n", args...) }
			err := Run(tc.newQueue, harness.WithSeed(seed), harness.WithRuns(20), harness.WithRelaxations(tc.relax...), harness.WithLogf(logf))
			if (err == nil) != tc.pass {
				t.Fatalf("seed %d: err = %v, want pass %v\n%s", seed, err, tc.pass, log.String())
			}
			if !strings.Contains(log.String(), tc.log) {
				t.Fatalf("seed %d: the log does not say %q:\n%s", seed, tc.log, log.String())
			}
		})
	}
}

// TestSpuriousCommandsTrace: a spurious try-failure is accepted, shown in
// the trace, and leaves the model state alone.
func TestSpuriousCommandsTrace(t *testing.T) {
	err := Run(broken.NewSpurious, harness.WithSeed(1), harness.WithRuns(5), harness.WithCapacities(2))
	if err == nil || !strings.Contains(err.Error(), "the model says ok") {
		t.Fatalf("strict: %v", err)
	}
}
