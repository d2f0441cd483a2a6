package stress

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/impls"
	"github.com/pcqkit/pcq/queue"
)

// testDuration is each implementation's budget in these tests; the
// default (2.5s) is for third parties' tests.
const testDuration = 700 * time.Millisecond

func TestCheckCorrect(t *testing.T) { checkCorrect(t, testDuration) }

func checkCorrect(t *testing.T, d time.Duration) {
	for _, m := range impls.All() {
		t.Run(m.Name, func(t *testing.T) {
			Check(t, m.New, harness.WithModel(m.Model), harness.WithDuration(d))
		})
	}
}

func TestRunSkipsUnbounded(t *testing.T) {
	var logs []string
	res, err := Run(func(c int) queue.Queue[int] { return queue.NewRing[int](c) },
		harness.WithRounds(4), harness.WithOpsPerGoroutine(20), harness.WithLogf(func(f string, a ...any) { logs = append(logs, fmt.Sprintf(f, a...)) }))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Skipped) != 1 || res.Rounds != 4 || res.Ops == 0 || res.Elapsed == 0 {
		t.Fatalf("Result %+v; want the unbounded capacity skipped and 4 rounds", res)
	}
	if !slices.ContainsFunc(logs, func(l string) bool { return strings.Contains(l, "unbounded not exercised: newQueue(0) panicked") }) ||
		!slices.ContainsFunc(logs, func(l string) bool { return strings.Contains(l, "seed") }) {
		t.Fatalf("logs %q do not state the seed and the skipped capacity", logs)
	}
}

func TestRunNoCapacity(t *testing.T) {
	_, err := Run(func(int) queue.Queue[int] { panic("never") }, harness.WithRounds(1))
	var setup *harness.SetupError
	if !errors.As(err, &setup) || errors.Is(err, harness.ErrFailed) {
		t.Fatalf("Run = %v; want a setup error (not a failure) for a queue that cannot be built", err)
	}
}
