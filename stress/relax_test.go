package stress

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/queue"
)

func TestRunRelaxations(t *testing.T) {
	lossy, spurious := linearizability.Lossy, linearizability.SpuriousTryFailures
	for _, tc := range []struct {
		name     string
		newQueue func(int) queue.Queue[int]
		relax    []linearizability.Relaxation
		pass     bool
	}{
		{"lossy strict", broken.NewLossy, nil, false},
		{"lossy relaxed", broken.NewLossy, []linearizability.Relaxation{lossy}, true},
		{"lossy-reorder relaxed", broken.NewLossyReorder, []linearizability.Relaxation{lossy}, false},
		{"spurious strict", broken.NewSpurious, nil, false},
		{"spurious relaxed", broken.NewSpurious, []linearizability.Relaxation{spurious}, true},
		{"spurious under lossy", broken.NewSpurious, []linearizability.Relaxation{lossy}, false},
		{"correct relaxed", broken.NewCorrect, []linearizability.Relaxation{spurious, lossy}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			seed := time.Now().UnixNano()
			var log strings.Builder
			logf := func(format string, args ...any) { fmt.Fprintf(&log, format+"\n", args...) }
			res, err := Run(tc.newQueue, WithSeed(seed), WithRounds(8), WithOps(40), WithRelaxations(tc.relax...), WithLogf(logf))
			if (err == nil) != tc.pass {
				t.Fatalf("seed %d: err = %v, want pass %v\n%s", seed, err, tc.pass, log.String())
			}
			var f *Failure
			if err != nil {
				if !errors.As(err, &f) || f.Check == "setup" || f.Check == "recording" || f.Check == "leak" {
					t.Fatalf("seed %d: failed for a reason that is not the queue's: %v", seed, err)
				}
				if len(tc.relax) > 0 && !strings.Contains(err.Error(), "check under relaxations ") {
					t.Fatalf("the failure does not name the relaxations: %v", err)
				}
				return
			}
			if len(res.Relaxations) != len(tc.relax) || !strings.Contains(log.String(), "every round linearizable with ") {
				t.Fatalf("the result does not name the relaxations: %+v\n%s", res, log.String())
			}
			if tc.name == "lossy relaxed" && res.Drops == 0 {
				t.Fatalf("seed %d: no drops counted: %+v", seed, res)
			}
		})
	}
}
