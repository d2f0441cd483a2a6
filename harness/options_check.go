package harness

import (
	"fmt"
	"time"

	"github.com/pcqkit/pcq/linearizability"
)

// WithChecker chooses the linearizability checker: linearizability.Auto
// (the default), Fast or Porcupine (see linearizability.WithChecker).
// Read by stress, fuzz and explore.
func WithChecker(c linearizability.Checker) Option {
	return option{"WithChecker", checked, func(s *Settings) error {
		if _, err := linearizability.ParseChecker(c.String()); err != nil {
			return err
		}
		s.Checker = c
		return nil
	}}
}

// WithCheckTimeout adds a time limit to the linearizability checker's
// search of one history (default: none, only [WithCheckSteps]'s budget).
// A history it cannot decide in time fails the [Undecided] check: an
// undecided history is never a pass. A time limit depends on the machine:
// on a loaded one, a history may go undecided that an idle one decides,
// and the failure does not replay; prefer WithCheckSteps. Read by stress,
// fuzz and explore.
func WithCheckTimeout(d time.Duration) Option {
	return positive("WithCheckTimeout", checked, d, func(s *Settings) *time.Duration { return &s.CheckTimeout })
}

// WithCheckSteps sets the linearizability checker's work budget for one
// history, in steps of the model porcupine tries (default
// [DefaultCheckSteps]; see linearizability.WithSteps). A history it cannot
// decide within the budget fails the [Undecided] check, never a pass; the
// budget does not depend on the machine or its load, so that verdict is
// the same on a replay anywhere. Read by stress, fuzz and explore.
func WithCheckSteps(n int64) Option {
	return option{"WithCheckSteps", checked, func(s *Settings) error {
		if n <= 0 {
			return fmt.Errorf("%d: want a positive number of steps", n)
		}
		s.CheckSteps = n
		return nil
	}}
}

// DefaultCheckSteps is the checker's work budget for one history in the
// harnesses, in porcupine's steps of the model. A correct queue's stress
// round is decided in a small part of it. Measured on generated histories
// of 300 to 30,000 operations that porcupine cannot decide (2-core
// machine, processor time): porcupine tries 185,000 to 610,000 steps a
// second without the race detector and 67,000 to 190,000 under it, so the
// budget is spent in 3 to 11 s, or 11 to 30 s under -race: about what the
// old 10 s time limit gave an idle machine, and several times what it gave
// a loaded one.
const DefaultCheckSteps = 2_000_000

// WithArtifacts sets the folder where a failure writes its history (the
// history file format, readable by pcq check), its HTML visualisation and
// (stress) its report with the goroutine dump of a hang. Without it,
// stress.Run and fuzz.RunOne write none, stress.Check writes to a new
// temporary folder and fuzz.Check to pcq-fuzz/<target> under os.TempDir().
// Read by stress, fuzz and explore.
func WithArtifacts(dir string) Option {
	return setting("WithArtifacts", checked, func(s *Settings) { s.Artifacts = dir })
}
