package harness

import (
	"errors"
	"fmt"
)

// ErrFailed is matched (errors.Is) by every failure of every harness: the
// queue failed a check. A [*SetupError] does not match it.
var ErrFailed = errors.New("harness: a check failed")

// A Failure is a harness's report of a check the queue failed: each
// harness has its own (property.Failure, stress.Failure, fuzz.Failure),
// with what replays it; all name the [Check] and unwrap to [ErrFailed].
type Failure interface {
	error
	// FailedCheck returns the check that failed.
	FailedCheck() Check
}

// FailedCheck returns the check of the first [Failure] in err's tree (see
// errors.As), and false when err holds none: nil, a [*SetupError], or
// another error.
func FailedCheck(err error) (Check, bool) {
	var f Failure
	if !errors.As(err, &f) {
		return "", false
	}
	return f.FailedCheck(), true
}

// SetupError is the error of a harness that could not run: a bad option,
// a constructor that panics or returns nil, no capacity to check. Nothing
// was found wrong with the queue's behaviour, so it does not match
// [ErrFailed].
type SetupError struct {
	Harness Harness // the harness that could not run
	Err     error   // what went wrong
}

// Error returns "stress: setup: " and what went wrong.
func (e *SetupError) Error() string { return fmt.Sprintf("%s: setup: %v", e.Harness, e.Err) }

// Unwrap returns what went wrong.
func (e *SetupError) Unwrap() error { return e.Err }

// setupErr returns a [*SetupError] of h, formatted as fmt.Errorf.
func setupErr(h Harness, format string, args ...any) *SetupError {
	return &SetupError{Harness: h, Err: fmt.Errorf(format, args...)}
}

// NewSetupError returns the [*SetupError] of h that err explains.
func NewSetupError(h Harness, err error) *SetupError { return &SetupError{Harness: h, Err: err} }
