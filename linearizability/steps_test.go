package linearizability_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

// A search that needs more steps than its budget stops and answers
// unknown, saying so; a budget large enough decides the history; and at
// every budget between, the verdict is the same every time (steps, unlike
// time, do not depend on the machine or its load).
func TestStepBudgetStopsPorcupine(t *testing.T) {
	h := histgen.Blocking(rand.New(rand.NewPCG(3, 4)), blockingConfig(200))
	porcupine := linearizability.WithChecker(linearizability.Porcupine)
	full := linearizability.Check(h, porcupine, linearizability.WithTimeout(0))
	if full.Verdict == linearizability.Unknown {
		t.Fatalf("without limits: %v: %s", full.Verdict, full.Explanation)
	}
	r := linearizability.Check(h, porcupine, linearizability.WithSteps(10))
	if r.Verdict != linearizability.Unknown || !strings.Contains(r.Explanation, "step budget of 10 reached") {
		t.Fatalf("with 10 steps: %v: %s", r.Verdict, r.Explanation)
	}
	decided := false
	for steps := int64(1); !decided; steps *= 2 {
		first := linearizability.Check(h, porcupine, linearizability.WithTimeout(0), linearizability.WithSteps(steps))
		for range 2 {
			if again := linearizability.Check(h, porcupine, linearizability.WithTimeout(0), linearizability.WithSteps(steps)); again.Verdict != first.Verdict {
				t.Fatalf("%d steps: %v, then %v", steps, first.Verdict, again.Verdict)
			}
		}
		if decided = first.Verdict != linearizability.Unknown; decided && first.Verdict != full.Verdict {
			t.Fatalf("%d steps decide %v, without limits %v", steps, first.Verdict, full.Verdict)
		}
	}
}

// The fast checker needs no budget: a step budget of one leaves its
// verdicts as they are.
func TestStepBudgetLeavesFastChecker(t *testing.T) {
	ok := []history.Operation{histgen.Put(0, 1, 0, 1), histgen.Get(1, 1, 2, 3)}
	r := linearizability.Check(history.History{Kind: models.FIFO, Operations: ok}, linearizability.WithSteps(1))
	if r.Verdict != linearizability.Linearizable || r.Checker != "fast" {
		t.Fatalf("got %v by %s: %s", r.Verdict, r.Checker, r.Explanation)
	}
}
