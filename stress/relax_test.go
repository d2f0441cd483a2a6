package stress

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
)

func TestRunRelaxations(t *testing.T) {
	for _, tc := range broken.RelaxCases() {
		t.Run(tc.Name, func(t *testing.T) {
			seed := time.Now().UnixNano()
			var log strings.Builder
			logf := func(format string, args ...any) { fmt.Fprintf(&log, format+"\n", args...) }
			res, err := Run(tc.New, harness.WithSeed(seed), harness.WithRounds(8), harness.WithOpsPerGoroutine(40), harness.WithRelaxations(tc.Relax...), harness.WithLogf(logf))
			if (err == nil) != tc.Pass {
				t.Fatalf("seed %d: err = %v, want pass %v\n%s", seed, err, tc.Pass, log.String())
			}
			var f *Failure
			if err != nil {
				if !errors.As(err, &f) || f.Check == harness.Recording || f.Check == harness.Leak {
					t.Fatalf("seed %d: failed for a reason that is not the queue's: %v", seed, err)
				}
				if len(tc.Relax) > 0 && !strings.Contains(err.Error(), "check under relaxations ") {
					t.Fatalf("the failure does not name the relaxations: %v", err)
				}
				return
			}
			if len(res.Relaxations) != len(tc.Relax) || !strings.Contains(log.String(), "every round linearizable with ") {
				t.Fatalf("the result does not name the relaxations: %+v\n%s", res, log.String())
			}
			if tc.Name == "lossy relaxed" && res.Drops == 0 {
				t.Fatalf("seed %d: no drops counted: %+v", seed, res)
			}
		})
	}
}
