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

// Harness names a harness, in its errors and in the docs of the options
// it reads.
type Harness string

// The harnesses of the kit.
const (
	Property Harness = "property" // package property: model-based tests with gopter
	Stress   Harness = "stress"   // package stress: -race rounds of random scenarios
	Fuzz     Harness = "fuzz"     // package fuzz: native fuzzing of scenarios
)

// Option changes one setting of a harness. The With functions of this
// package make them; each says which harnesses read it.
type Option interface {
	// apply sets the option's setting in s, or says why its value is bad.
	apply(s *Settings) error
	// name is the option's function, as a setup error names it.
	name() string
	// readBy lists the harnesses that read the option.
	readBy() []Harness
}

// option is the [Option] every With function returns.
type option struct {
	fn      string
	readers []Harness
	set     func(*Settings) error
}

func (o option) apply(s *Settings) error { return o.set(s) }
func (o option) name() string            { return o.fn }
func (o option) readBy() []Harness       { return o.readers }

// Settings are the settings of a harness run: its defaults, then the
// options given, in order. A harness sets its defaults and calls
// [Settings.Apply]; users set them through options.
type Settings struct {
	Model       models.Kind                  // WithModel
	Capacities  []int                        // WithCapacities; nil: the harness's defaults
	Seed        int64                        // WithSeed
	Relaxations []linearizability.Relaxation // WithRelaxations
	Logf        func(format string, args ...any)
	Watchdog    time.Duration // WithWatchdog

	Runs           int           // WithRuns
	SequenceLength int           // WithSequenceLength
	BlockWait      time.Duration // WithBlockWait

	Goroutines      int             // WithGoroutines
	OpsPerGoroutine int             // WithOpsPerGoroutine
	Duration        time.Duration   // WithDuration
	Rounds          int             // WithRounds; 0: as many as Duration allows
	ProbeWait       time.Duration   // WithProbeWait
	GoleakOptions   []goleak.Option // WithGoleakOptions

	Checker      linearizability.Checker // WithChecker
	CheckTimeout time.Duration           // WithCheckTimeout
	Artifacts    string                  // WithArtifacts

	MaxCapacity   int // WithMaxCapacity
	MaxGoroutines int // WithMaxGoroutines
	MaxTotalOps   int // WithMaxTotalOps
	MaxYield      int // WithMaxYield
}

// Apply applies opts, in order, for harness h. An option h does not read,
// or a value out of range, is a [*SetupError] naming the option.
func (s *Settings) Apply(h Harness, opts []Option) error {
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

// The sets of harnesses that read an option.
var (
	all          = []Harness{Property, Stress, Fuzz}
	propStress   = []Harness{Property, Stress}
	stressFuzz   = []Harness{Stress, Fuzz}
	propertyOnly = []Harness{Property}
	stressOnly   = []Harness{Stress}
	fuzzOnly     = []Harness{Fuzz}
)

// setting returns an option that sets its value with set: any value is
// good.
func setting(fn string, readers []Harness, set func(*Settings)) Option {
	return option{fn, readers, func(s *Settings) error {
		set(s)
		return nil
	}}
}

// atLeast returns an option setting *field(s) to n, an error when n < lo.
func atLeast(fn string, readers []Harness, n, lo int, field func(*Settings) *int) Option {
	return option{fn, readers, func(s *Settings) error {
		if n < lo {
			return fmt.Errorf("%d: want at least %d", n, lo)
		}
		*field(s) = n
		return nil
	}}
}

// positive returns an option setting *field(s) to d, an error when d <= 0.
func positive(fn string, readers []Harness, d time.Duration, field func(*Settings) *time.Duration) Option {
	return option{fn, readers, func(s *Settings) error {
		if d <= 0 {
			return fmt.Errorf("%v: want a positive duration", d)
		}
		*field(s) = d
		return nil
	}}
}
