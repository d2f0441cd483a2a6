package stress

import (
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/scenario"
	"github.com/pcqkit/pcq/stress/sched"
	"github.com/pcqkit/pcq/stress/sched/instrument"
)

// ExploreFailure is the report of the first schedule that failed: the
// scenario, the check that failed and why, the interleaving that made it
// (the steps that matter, each with its goroutine, operation and source
// line), and what replays it exactly.
type ExploreFailure struct {
	Strategy    harness.Strategy
	Seed        int64
	Schedule    int           // which schedule of the exploration, from 0
	Check       harness.Check // the check that failed
	Explanation string
	Scenario    string // the scenario, one line per client
	Trace       string // the interleaving, trimmed to the steps that matter
	// Token replays the schedule: harness.WithReplay(Token), or the
	// ReplayEnv environment variable.
	Token     string
	Replay    string   // the command that replays it
	Artifacts []string // history, visualisation, report
	// Replayed: the failure is a replay's (harness.WithReplay): Strategy,
	// Seed and Schedule are not the exploration's that found it.
	Replayed bool
}

// Unwrap returns harness.ErrFailed.
func (f *ExploreFailure) Unwrap() error { return harness.ErrFailed }

// FailedCheck returns f.Check.
func (f *ExploreFailure) FailedCheck() harness.Check { return f.Check }

// Error returns the report.
func (f *ExploreFailure) Error() string {
	var b strings.Builder
	if f.Replayed {
		fmt.Fprintf(&b, "explore: the replayed schedule failed the %s check:\n%s\n", f.Check, f.Explanation)
	} else {
		fmt.Fprintf(&b, "explore: schedule %d (%s, seed %d) failed the %s check:\n%s\n", f.Schedule, f.Strategy, f.Seed, f.Check, f.Explanation)
	}
	fmt.Fprintf(&b, "%s", f.Scenario)
	if f.Trace != "" {
		fmt.Fprintf(&b, "the interleaving:\n%s", f.Trace)
	}
	if len(f.Artifacts) > 0 {
		fmt.Fprintf(&b, "artifacts: %s\n", strings.Join(f.Artifacts, ", "))
	}
	fmt.Fprintf(&b, "replay (the same schedule, exactly): %s", f.Replay)
	return b.String()
}

// failure builds the report of schedule i, which failed with o: it runs
// the schedule once more with the trace on, and writes the artifacts.
func (c *exploreConfig) failure(t *testing.T, s scenario.Scenario, i int, o scenario.Outcome, r *sched.Result) *ExploreFailure {
	f := &ExploreFailure{Strategy: c.Strategy, Seed: c.Seed, Schedule: i, Check: o.FailedCheck(),
		Explanation: o.Explanation, Scenario: s.String(), Token: replayToken(s, r.Schedule), Replayed: c.Replay != ""}
	f.Replay = fmt.Sprintf("%s='%s' go test -run '%s'", ReplayEnv, f.Token, instrument.RunPattern(c.testName))
	traced, tr, err := scenario.RunControlled(t, c.factory, s, c.scenarioOptions(), scenario.Controlled{Strategy: sched.Replay(r.Schedule), Trace: true})
	switch {
	case err != nil:
		f.Trace = fmt.Sprintf("(the replay with a trace did not follow the schedule: %v)\n", err)
	case traced.FailedCheck() != f.Check:
		f.Trace = fmt.Sprintf("(the replay with a trace failed %q instead: the code is not deterministic)\n", traced.FailedCheck())
	default:
		f.Trace = scenario.TraceText(traced, tr)
	}
	if err := c.writeExploreArtifacts(f, o); err != nil {
		f.Explanation += fmt.Sprintf("\n(writing the artifacts failed: %v)", err)
	}
	return f
}

// writeExploreArtifacts writes the history, its visualisation and the
// report to a folder of its own under the artifacts folder, if one is set.
func (c *exploreConfig) writeExploreArtifacts(f *ExploreFailure, o scenario.Outcome) error {
	if c.Artifacts == "" {
		return nil
	}
	name := fmt.Sprintf("explore-seed%d-schedule%d", c.Seed, f.Schedule)
	if f.Replayed {
		name = fmt.Sprintf("explore-replay-%08x", crc32.ChecksumIEEE([]byte(f.Token)))
	}
	dir := filepath.Join(c.Artifacts, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	written, err := scenario.WriteArtifacts(o, filepath.Join(dir, "history.jsonl"), filepath.Join(dir, "visual.html"))
	f.Artifacts = written
	report := filepath.Join(dir, "report.txt")
	if werr := scenario.WriteFile(report, func(w *os.File) error { _, e := w.WriteString(f.Error() + "\n"); return e }); werr == nil {
		f.Artifacts = append(f.Artifacts, report)
	}
	return err
}
