package fuzz

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/internal/scenario"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
)

// maxDump bounds the goroutine dump kept in a failure's message.
const maxDump = 32 << 10

// Failure is the error of an input that failed: which check failed, why,
// and the scenario the input decoded into.
type Failure struct {
	// Check names the check that failed: one of the checks of a recorded
	// run, harness.Watchdog to harness.Undecided (the checker could not
	// decide, which is never a pass).
	Check harness.Check
	// Explanation says in words what failed, naming the operations.
	Explanation string
	// Input is the fuzzer's bytes.
	Input []byte
	// Scenario is the decoded scenario, one line per goroutine.
	Scenario string
	// Asked is the capacity newQueue was asked for; Capacity is the
	// queue's Cap(), which the model used.
	Asked, Capacity int
	// Report is the linearizability checker's report, when it ran.
	Report linearizability.Report
	// History is the recorded history (empty when the run never ended).
	History history.History
	// Unsupported counts operations that returned errors.ErrUnsupported:
	// not exercised.
	Unsupported map[models.Op]int
	// NotProbed lists the final probes that could not run.
	NotProbed []string
	// Dump is the goroutine dump of a hang.
	Dump string
	// HistoryFile and VisualFile are the artifacts written, if any.
	HistoryFile, VisualFile string
	// Relaxations are the relaxations the queue was held to; nil: strict.
	Relaxations []linearizability.Relaxation
	// Trace is, for an input of [CheckSchedules], the interleaving that
	// failed: the steps that matter, with their source lines.
	Trace string
}

func newFailure(o scenario.Outcome, s scenario.Scenario, data []byte) *Failure {
	asked := s.Capacity
	s.Capacity = o.Capacity // the model held the queue to the capacity it has
	expl := o.Explanation
	if expl == "" {
		expl = o.Report.Explanation
	}
	return &Failure{Check: o.FailedCheck(), Explanation: expl, Input: slices.Clone(data),
		Scenario: s.String(), Asked: asked, Capacity: s.Capacity, Report: o.Report,
		History: o.History, Unsupported: o.Unsupported, NotProbed: o.NotProbed, Dump: o.Dump,
		Relaxations: o.Relaxations}
}

// Unwrap returns harness.ErrFailed.
func (f *Failure) Unwrap() error { return harness.ErrFailed }

// FailedCheck returns f.Check.
func (f *Failure) FailedCheck() harness.Check { return f.Check }

// Error says what failed, the scenario, the input, and where the
// artifacts are.
func (f *Failure) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "fuzz: %s check failed%s: %s\n", f.Check, harness.UnderRelaxations(f.Relaxations), f.Explanation)
	if f.Report.Checker != "" {
		fmt.Fprintf(&b, "checker: %s\n", f.Report.String())
	}
	if f.Asked != f.Capacity {
		fmt.Fprintf(&b, "capacity: %d asked, the queue's Cap() is %d (the model uses %d)\n", f.Asked, f.Capacity, f.Capacity)
	}
	b.WriteString(f.Scenario)
	if f.Trace != "" {
		fmt.Fprintf(&b, "the interleaving (the input replays it exactly):\n%s", f.Trace)
	}
	fmt.Fprintf(&b, "input: %q\n", f.Input)
	if len(f.Unsupported) > 0 {
		fmt.Fprintf(&b, "not exercised (errors.ErrUnsupported): %v\n", f.Unsupported)
	}
	for _, p := range f.NotProbed {
		fmt.Fprintf(&b, "not probed: %s\n", p)
	}
	if f.HistoryFile != "" {
		fmt.Fprintf(&b, "history: %s (check it with: go run ./tools/pcq check %s%s)\n", f.HistoryFile, relaxFlag(f.Relaxations), f.HistoryFile)
	}
	if f.VisualFile != "" {
		fmt.Fprintf(&b, "visualisation: %s\n", f.VisualFile)
	}
	if f.Dump != "" {
		d := f.Dump
		if len(d) > maxDump {
			d = d[:maxDump] + "\n... (goroutine dump truncated)"
		}
		fmt.Fprintf(&b, "goroutines:\n%s\n", d)
	}
	return b.String()
}

// writeArtifacts writes the history and its visualisation into dir, as
// name-<hash of the input>.jsonl and .html. A file that cannot be written
// is named in the explanation instead.
func (f *Failure) writeArtifacts(dir, name string) {
	if len(f.History.Operations) == 0 {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		f.Explanation += fmt.Sprintf(" (artifacts not written: %v)", err)
		return
	}
	sum := sha256.Sum256(f.Input)
	base := filepath.Join(dir, fmt.Sprintf("%s-%s", safeName(name), hex.EncodeToString(sum[:6])))
	o := scenario.Outcome{History: f.History, Report: f.Report}
	written, err := scenario.WriteArtifacts(o, base+".jsonl", base+".html")
	if slices.Contains(written, base+".jsonl") {
		f.HistoryFile = base + ".jsonl"
	} else {
		f.Explanation += fmt.Sprintf(" (history not written: %v)", err)
	}
	if slices.Contains(written, base+".html") {
		f.VisualFile = base + ".html"
	}
}

// safeName makes a test name ("FuzzRing/seed#3") usable as a file name.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		}
		return '_'
	}, s)
}

// relaxFlag is pcq check's -relax flag for rs, with a trailing space; ""
// for the strict model.
func relaxFlag(rs []linearizability.Relaxation) string {
	if len(rs) == 0 {
		return ""
	}
	return "-relax " + harness.RelaxationNames(rs, ",") + " "
}
