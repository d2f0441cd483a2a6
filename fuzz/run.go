package fuzz

import (
	"context"
	"fmt"
	"strings"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/scenario"
)

// RunOne decodes data into a scenario, runs it on a fresh queue made by
// newQueue and checks it, as one input of [Check] does. It returns nil
// when every check passed and the history was found linearizable, else a
// [*Failure] (matching harness.ErrFailed) that explains what failed and
// shows the decoded scenario, or a [*harness.SetupError] when it could not
// run; a hang or a liveness failure seen while goroutines abandoned by an
// earlier failure in the process still run is a
// [*harness.NoVerdictError] instead (see harness.Starved). With
// harness.WithArtifacts, the failing history and its
// visualisation are written there.
func RunOne(newQueue harness.Factory, data []byte, opts ...harness.Option) error {
	c, err := newConfig(newQueue, opts)
	if err != nil {
		return err
	}
	_, err = c.runOne(newQueue, data, "input")
	return err
}

// runOne is RunOne with the capacities resolved; name prefixes the
// artifact files. A passing run returns what it did not exercise, if
// anything, as a note.
func (c *config) runOne(newQueue harness.Factory, data []byte, name string) (note string, err error) {
	s := c.decode(data, c.Capacities)
	epoch := harness.Epoch()
	o := scenario.Run(context.Background(), newQueue, s, scenario.OptionsOf(harness.Fuzz, c.Settings))
	switch {
	case o.Setup != nil:
		return "", harness.NewSetupError(harness.Fuzz, o.Setup)
	case o.Passed():
		return notExercised(o), nil
	}
	f := newFailure(o, s, data)
	if c.Artifacts != "" {
		f.writeArtifacts(c.Artifacts, name)
	}
	return "", harness.NoVerdict(harness.Fuzz, epoch, f)
}

// notExercised says what a passing run could not check ("" if nothing),
// after its verdict when it was checked under relaxations.
func notExercised(o scenario.Outcome) string {
	var parts []string
	if len(o.Relaxations) > 0 {
		parts = append(parts, o.Report.VerdictText())
	}
	if len(o.Unsupported) > 0 {
		parts = append(parts, fmt.Sprintf("not exercised (errors.ErrUnsupported): %v", o.Unsupported))
	}
	for _, p := range o.NotProbed {
		parts = append(parts, "not probed: "+p)
	}
	return strings.Join(parts, "; ")
}
