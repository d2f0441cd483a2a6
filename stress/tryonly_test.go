package stress

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/fuzz"
	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/stress/sched/instrument"
	"github.com/pcqkit/pcq/stress/testdata/tryonly"
)

// tryOnlyQueues are correct queues that lack operations: each must pass,
// what it lacks reported as not exercised (a false alarm once failed the
// try-only one on the wake-up probe, whose Put fallback returned
// errors.ErrUnsupported).
var tryOnlyQueues = map[string]harness.Factory{"try-only": tryonly.New, "without Put": tryonly.NewWithoutPut}

// TestTryOnlyStress: the try-only queues pass stress rounds at capacities
// 1 and 4 (fewer items than the wake-up probe's getters), the probes they
// cannot take reported as skipped; the try-only queue whose TryGet takes
// the newest item is still caught.
func TestTryOnlyStress(t *testing.T) {
	opts := []harness.Option{harness.WithCapacities(1, 4), harness.WithRounds(8), harness.WithOpsPerGoroutine(50)}
	for name, newQueue := range tryOnlyQueues {
		res, err := Run(newQueue, opts...)
		if err != nil || res.Ops == 0 {
			t.Fatalf("%s: %v (%+v); want it to pass", name, err, res)
		}
		t.Logf("%s: skipped %q, not exercised %v", name, res.Skipped, res.Unsupported)
	}
	res, _ := Run(tryonly.New, opts...)
	if !slices.ContainsFunc(res.Skipped, func(s string) bool { return strings.Contains(s, "wake-up: Get is unsupported") }) {
		t.Fatalf("try-only: skipped %q; want the wake-up probe reported as not probed", res.Skipped)
	}
	_, err := Run(tryonly.NewNewestFirst, opts...)
	var f *Failure
	if !errors.As(err, &f) || f.Check == harness.Liveness {
		t.Fatalf("the newest-first try-only queue: %v; want it caught, not on liveness", err)
	}
}

// TestTryOnlyFuzz: the try-only queues pass every fuzz seed; the
// newest-first one fails some.
func TestTryOnlyFuzz(t *testing.T) {
	for name, newQueue := range tryOnlyQueues {
		for i, seed := range fuzz.NewTarget(t.Name(), newQueue).Seeds() {
			if err := fuzz.RunOne(newQueue, seed); err != nil {
				t.Fatalf("%s, seed %d: %v; want it to pass", name, i, err)
			}
		}
	}
	caught := 0
	for _, seed := range fuzz.NewTarget(t.Name(), tryonly.NewNewestFirst).Seeds() {
		if err := fuzz.RunOne(tryonly.NewNewestFirst, seed); errors.Is(err, harness.ErrFailed) {
			caught++
		}
	}
	if caught == 0 {
		t.Fatal("the newest-first try-only queue passed every fuzz seed; want it caught")
	}
}

// TestTryOnlyExplore: under the controlled scheduler, instrumented, the
// try-only queues pass generated scenarios; the newest-first one is
// caught.
func TestTryOnlyExplore(t *testing.T) {
	if !instrument.Rerun(t, "github.com/pcqkit/pcq/stress/testdata/tryonly", "github.com/pcqkit/pcq/stress/testdata/condq") {
		return
	}
	for name, newQueue := range tryOnlyQueues {
		res, err := ExploreRun(t, newQueue, harness.WithSeed(1), harness.WithSchedules(200), exploreBudget)
		if err != nil || res.Schedules != 200 {
			t.Fatalf("%s: %v, %v; want 200 schedules passed", name, res, err)
		}
	}
	_, err := ExploreRun(t, tryonly.NewNewestFirst, harness.WithSeed(1), harness.WithSchedules(2000), exploreBudget)
	if !errors.Is(err, harness.ErrFailed) {
		t.Fatalf("the newest-first try-only queue: %v; want it caught", err)
	}
}
