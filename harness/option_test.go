package harness

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/models"
)

func TestApplySetsInOrder(t *testing.T) {
	s := Settings{Runs: 100}
	err := s.apply(Property, []Option{WithRuns(3), WithModel(models.LIFO), WithRuns(7), WithSeed(9)})
	if err != nil || s.Runs != 7 || s.Model != models.LIFO || s.Seed != 9 {
		t.Fatalf("apply = %v, settings %+v; want runs 7, LIFO, seed 9", err, s)
	}
	if s.Logf == nil {
		t.Fatal("apply left Logf nil")
	}
}

func TestApplyRejects(t *testing.T) {
	tests := []struct {
		h    Harness
		opt  Option
		want string
	}{
		{Property, WithGoroutines(4), "WithGoroutines is not read by property (only by stress and explore)"},
		{Fuzz, WithSeed(1), "WithSeed is not read by fuzz"},
		{Stress, WithMaxTotalOps(5), "WithMaxTotalOps is not read by stress (only by fuzz)"},
		{Property, WithRuns(0), "WithRuns: 0: want at least 1"},
		{Stress, WithWatchdog(-time.Second), "WithWatchdog: -1s: want a positive duration"},
		{Fuzz, WithCheckSteps(0), "WithCheckSteps: 0: want a positive number of steps"},
		{Property, WithCheckSteps(5), "WithCheckSteps is not read by property"},
		{Fuzz, WithMaxGoroutines(17), "WithMaxGoroutines: 17: want 1 to 16"},
		{Fuzz, WithCapacities(2, -1), "WithCapacities: -1"},
		{Stress, WithModel(models.Kind(9)), "WithModel: models: unknown model"},
		{Stress, nil, "a nil Option"},
		{Explore, WithStrategy(PCT(0)), "WithStrategy: pct:0: a PCT depth must be at least 1, not 0"},
		{Explore, WithStrategy(Exhaustive(-1)), "WithStrategy: dfs:-1: an exhaustive search's preemption bound must be at least 0"},
		{Explore, WithStrategy(Strategy{}), "WithStrategy: the zero Strategy: make one with PCT, RandomSchedules or Exhaustive"},
	}
	for _, tt := range tests {
		var s Settings
		err := s.apply(tt.h, []Option{tt.opt})
		var setup *SetupError
		if !errors.As(err, &setup) || setup.Harness != tt.h || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("apply(%s) = %v, want a setup error of %s with %q", tt.h, err, tt.h, tt.want)
		}
		if errors.Is(err, ErrFailed) {
			t.Errorf("apply(%s) = %v matches ErrFailed: a setup error is not a failed check", tt.h, err)
		}
	}
}

// failure is a harness's failure, as the harnesses define theirs.
type failure struct{ check Check }

func (f failure) Error() string      { return "failed the " + f.check.String() + " check" }
func (f failure) Unwrap() error      { return ErrFailed }
func (f failure) FailedCheck() Check { return f.check }

func TestFailedCheck(t *testing.T) {
	err := errors.Join(errors.New("other"), failure{Order}, failure{Tasks})
	if c, ok := FailedCheck(err); !ok || c != Order || !errors.Is(err, ErrFailed) {
		t.Fatalf("FailedCheck = %v, %v; want order, true, and ErrFailed matched", c, ok)
	}
	if c, ok := FailedCheck(NewSetupError(Stress, errors.New("x"))); ok {
		t.Fatalf("FailedCheck of a setup error = %v, true; want false", c)
	}
}
