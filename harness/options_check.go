package harness

import (
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

// WithCheckTimeout sets the linearizability checker's time limit for one
// history (default 10s). A history it cannot decide in time fails the
// [Undecided] check: an undecided history is never a pass. Read by stress,
// fuzz and explore.
func WithCheckTimeout(d time.Duration) Option {
	return positive("WithCheckTimeout", checked, d, func(s *Settings) *time.Duration { return &s.CheckTimeout })
}

// WithArtifacts sets the folder where a failure writes its history (the
// history file format, readable by pcq check), its HTML visualisation and
// (stress) its report with the goroutine dump of a hang. Without it,
// stress.Run and fuzz.RunOne write none, stress.Check writes to a new
// temporary folder and fuzz.Check to pcq-fuzz/<target> under os.TempDir().
// Read by stress, fuzz and explore.
func WithArtifacts(dir string) Option {
	return setting("WithArtifacts", checked, func(s *Settings) { s.Artifacts = dir })
}
