package stress

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/scenario"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/stress/sched/instrument"
)

// Failure is the report of the first round that failed: what to replay
// it with, which check failed and why, and where its artifacts are.
type Failure struct {
	Seed       int64  // the seed (WithSeed) that replays the round's operations
	Round      int    // the round, from 0
	Mix        string // the round's kind: hammer, tasks, yields or full
	GOMAXPROCS int    // during the round
	Capacity   int    // the queue's capacity; 0: unbounded
	// Check names the check that failed: any of the checks of a recorded
	// run (harness.Watchdog to harness.Undecided, an undecided history
	// never passing), or harness.Leak.
	Check       harness.Check
	Explanation string
	Dump        string   // the goroutine dump of a hang
	Artifacts   []string // the files written: history, visualisation, report
	Replay      string   // the command that replays it (set by Check)
	// Relaxations are the relaxations the queue was held to; nil: strict.
	Relaxations []linearizability.Relaxation
}

// Unwrap returns harness.ErrFailed.
func (f *Failure) Unwrap() error { return harness.ErrFailed }

// FailedCheck returns f.Check.
func (f *Failure) FailedCheck() harness.Check { return f.Check }

// Error returns the report: the round, the check and its explanation, the
// artifacts and how to replay.
func (f *Failure) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "stress: round %d (seed %d, %s, GOMAXPROCS %d, %s) failed the %s check%s:\n%s",
		f.Round, f.Seed, f.Mix, f.GOMAXPROCS, harness.CapacityName(f.Capacity), f.Check, harness.UnderRelaxations(f.Relaxations), f.Explanation)
	if len(f.Artifacts) > 0 {
		fmt.Fprintf(&b, "\nartifacts: %s", strings.Join(f.Artifacts, ", "))
	} else if f.Dump != "" {
		fmt.Fprintf(&b, "\ngoroutines:\n%s", f.Dump)
	}
	replay := f.Replay
	if replay == "" {
		replay = fmt.Sprintf("harness.WithSeed(%d), harness.WithRounds(%d)%s", f.Seed, f.Round+1, relaxOptions(f.Relaxations))
	}
	fmt.Fprintf(&b, "\nreplay: %s — the same operations; the interleaving can differ, so a rare failure may need a few runs", replay)
	return b.String()
}

// failure builds the failure of round r, writing its artifacts; leak, if
// not empty, is a leak found after a round that passed.
func (c *config) failure(r round, o scenario.Outcome, leak string) *Failure {
	f := &Failure{Seed: c.Seed, Round: r.index, Mix: r.mix.name, GOMAXPROCS: r.procs, Capacity: r.capacity,
		Check: o.FailedCheck(), Explanation: o.Explanation, Dump: o.Dump, Relaxations: c.Relaxations}
	if leak != "" {
		f.Check, f.Explanation = harness.Leak, leak
	}
	if c.testName != "" {
		f.Replay = fmt.Sprintf("%s=%d go test -race -run '%s' (harness.WithRounds(%d) stops at that round)",
			SeedEnv, f.Seed, instrument.RunPattern(c.testName), f.Round+1)
	}
	if err := c.writeArtifacts(f, r, o); err != nil {
		f.Explanation += fmt.Sprintf("\n(writing the artifacts failed: %v)", err)
	}
	return f
}

// writeArtifacts writes the round's history, visualisation and report to
// a folder of its own under the artifacts folder.
func (c *config) writeArtifacts(f *Failure, r round, o scenario.Outcome) error {
	dir := c.Artifacts
	if dir == "" && !c.tempArtifact {
		return nil
	}
	var err error
	if dir == "" {
		dir, err = os.MkdirTemp("", "pcq-stress-")
	} else {
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	dir = filepath.Join(dir, fmt.Sprintf("seed%d-round%d", f.Seed, f.Round))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var errs []string
	written, err := scenario.WriteArtifacts(o, filepath.Join(dir, "history.jsonl"), filepath.Join(dir, "visual.html"))
	f.Artifacts = append(f.Artifacts, written...)
	if err != nil {
		f.Explanation += fmt.Sprintf("\n(%v)", err)
	}
	errs = append(errs, write(f, filepath.Join(dir, "report.txt"), func(w *os.File) error {
		_, err := fmt.Fprintf(w, "%s\n\n%s\n%s\n\n%s", f.Error(), o.Report, r.scenario, f.Dump)
		return err
	}))
	if msg := strings.Join(slices.DeleteFunc(errs, func(s string) bool { return s == "" }), "; "); msg != "" {
		return fmt.Errorf("%s", msg)
	}
	return nil
}

// write creates path with fill, and adds it to f's artifacts; it returns
// "" or what went wrong.
func write(f *Failure, path string, fill func(*os.File) error) string {
	if err := scenario.WriteFile(path, fill); err != nil {
		return err.Error()
	}
	f.Artifacts = append(f.Artifacts, path)
	return ""
}
