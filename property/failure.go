package property

import (
	"fmt"
	"strings"

	"github.com/leanovate/gopter"
	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/models"
)

// Failure is the report of a property the queue failed: which, on which
// model and capacity, the minimal failing case, and the seed that
// replays it. It matches harness.ErrFailed (errors.Is).
type Failure struct {
	// Check is harness.Sequence for a random command sequence,
	// harness.Protocol for a producer-consumer protocol.
	Check harness.Check
	// Property names the property: "commands", "sentinels", "shutdown",
	// "shutdown-immediate" or "join".
	Property string
	Spec     models.Spec // the model and capacity the queue was held to
	Seed     int64       // the seed that replays it (harness.WithSeed)
	Passed   int         // the cases that passed before it failed
	// Explanation is the minimal failing case (or the error of a case
	// that could not run), in words.
	Explanation string
}

// newFailure describes a failed gopter result of property name.
func newFailure(name string, spec models.Spec, seed int64, r *gopter.TestResult) *Failure {
	f := &Failure{Check: harness.Protocol, Property: name, Spec: spec, Seed: seed, Passed: r.Succeeded}
	if name == sequences {
		f.Check = harness.Sequence
	}
	switch {
	case r.Status == gopter.TestError:
		f.Explanation = fmt.Sprintf("%v\n%s", r.Error, r.ErrorStack)
	case r.Status == gopter.TestExhausted:
		f.Explanation = "gave up: too many discarded cases"
	default:
		shrinks := 0
		if len(r.Args) > 0 {
			shrinks = r.Args[0].Shrinks
		}
		f.Explanation = fmt.Sprintf("minimal failing case (shrunk %d times):\n%s", shrinks, strings.Join(r.Labels, "\n"))
	}
	return f
}

// Error says what failed, the seed and how to re-run it, and the minimal
// failing case.
func (f *Failure) Error() string {
	return fmt.Sprintf("property: %s (%v, %s) failed the %s check after %d passed (seed %d; re-run with harness.WithSeed(%d)): %s",
		f.Property, f.Spec.Kind, harness.CapacityName(f.Spec.Capacity), f.Check, f.Passed, f.Seed, f.Seed, f.Explanation)
}

// Unwrap returns harness.ErrFailed.
func (f *Failure) Unwrap() error { return harness.ErrFailed }

// FailedCheck returns f.Check.
func (f *Failure) FailedCheck() harness.Check { return f.Check }
