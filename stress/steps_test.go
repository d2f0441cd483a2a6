package stress

import (
	"errors"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/queue"
)

// The checker's budget in stress is counted in steps, not time: a round
// whose history porcupine cannot decide within it fails the undecided
// check (never a pass), saying that the step budget was reached.
func TestRunUndecidedAtStepBudget(t *testing.T) {
	_, err := Run(func(c int) queue.Queue[int] { return queue.NewLocked[int](c) },
		harness.WithSeed(3), harness.WithRounds(1), harness.WithCapacities(4), harness.WithOpsPerGoroutine(20),
		harness.WithChecker(linearizability.Porcupine), harness.WithCheckSteps(2))
	var f *Failure
	if !errors.As(err, &f) || f.Check != harness.Undecided || !strings.Contains(f.Explanation, "step budget of 2 reached") {
		t.Fatalf("Run = %v; want an undecided round: step budget reached", err)
	}
}
