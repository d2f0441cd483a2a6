package harness

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
	"go.uber.org/goleak"
)

// Settings are the settings of a harness run: its defaults, then the
// options given, in order. A harness sets its defaults and calls
// [Settings.Resolve]; users set them through options.
type Settings struct {
	// Read by every harness (Seed: by property and stress).
	Model      models.Kind // WithModel
	Capacities []int       // WithCapacities; nil: the harness's defaults
	// CapacitiesGiven is set by Resolve when the capacities came from
	// WithCapacities: a harness then checks those only.
	CapacitiesGiven bool
	Seed            int64                            // WithSeed
	Relaxations     []linearizability.Relaxation     // WithRelaxations
	Logf            func(format string, args ...any) // WithLogf; never nil after Resolve
	Watchdog        time.Duration                    // WithWatchdog

	// Read by property.
	Runs           int           // WithRuns
	SequenceLength int           // WithSequenceLength
	BlockWait      time.Duration // WithBlockWait

	// Read by stress.
	Goroutines      int             // WithGoroutines
	OpsPerGoroutine int             // WithOpsPerGoroutine
	Duration        time.Duration   // WithDuration
	Rounds          int             // WithRounds; 0: as many as Duration allows
	ProbeWait       time.Duration   // WithProbeWait
	GoleakOptions   []goleak.Option // WithGoleakOptions

	// Read by stress and fuzz.
	Checker      linearizability.Checker // WithChecker
	CheckTimeout time.Duration           // WithCheckTimeout; 0: none
	CheckSteps   int64                   // WithCheckSteps
	Artifacts    string                  // WithArtifacts

	// Read by explore (and Instrument by fuzz).
	Strategy   Strategy // WithStrategy
	Schedules  int      // WithSchedules
	Instrument []string // WithInstrument
	Replay     string   // WithReplay
	Scenario   string   // WithScenario

	// Read by fuzz.
	MaxCapacity   int // WithMaxCapacity
	MaxGoroutines int // WithMaxGoroutines
	MaxTotalOps   int // WithMaxTotalOps
	MaxYield      int // WithMaxYield
}

// apply applies opts, in order, for harness h. An option h does not read,
// or a value out of range, is a [*SetupError] naming the option.
func (s *Settings) apply(h Harness, opts []Option) error {
	if s.Logf == nil {
		s.Logf = func(string, ...any) {}
	}
	var errs []error
	for _, o := range opts {
		switch {
		case o == nil:
			errs = append(errs, errors.New("a nil Option"))
		case !slices.Contains(o.readBy(), h):
			errs = append(errs, fmt.Errorf("%s is not read by %s (only by %s)", o.name(), h, readers(o)))
		default:
			if err := o.apply(s); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", o.name(), err))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return &SetupError{Harness: h, Err: err}
	}
	return nil
}

func readers(o Option) string {
	names := make([]string, len(o.readBy()))
	for i, h := range o.readBy() {
		names[i] = string(h)
	}
	return strings.Join(names, " and ")
}
