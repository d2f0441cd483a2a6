package verdicts

import (
	"fmt"
	"strings"
	"time"

	"github.com/pcqkit/pcq/harness"
)

// Status is a harness's answer for one library.
type Status string

// The statuses of an [Outcome].
const (
	Pass   Status = "pass"
	Fail   Status = "FAIL"
	NotRun Status = "not run"
)

// Outcome is what one harness said of one library.
type Outcome struct {
	Harness harness.Harness
	Status  Status
	// Check names the check that failed (stress and fuzz: conservation,
	// order, linearizability...; property: each property that failed,
	// with its model and capacity, e.g. "commands (fifo, capacity 1)").
	Check string
	// Detail is the harness's report of a failure, or why it did not run.
	Detail string
	// Seed reproduces the run: the harness's seed (property, stress) or
	// the seed of the fuzz inputs' generator, with Input the failing one.
	Seed  int64
	Input []byte
	// History is the failing history file (stress, fuzz), if one was
	// written; Lossy is its re-check under the lossy relaxation, if any.
	History string
	// HistoryVerdict is what pcq check says of History: the history's
	// own linearizability, whatever check of the harness failed first.
	HistoryVerdict string
	Lossy          *LossyVerdict
	// Unsupported lists the operations not exercised.
	Unsupported []string
	// Work says how much was checked: "400 ops in 12 rounds", "200 inputs".
	Work    string
	Elapsed time.Duration
}

// Cell is the outcome as a table cell.
func (o Outcome) Cell() string {
	switch o.Status {
	case Fail:
		return "FAIL: " + o.Check
	case NotRun:
		return "not run: " + o.Detail
	}
	return "pass"
}

// firstLine returns s up to its first newline.
func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// String is the outcome on one line: harness, cell and work.
func (o Outcome) String() string {
	s := fmt.Sprintf("%s: %s", o.Harness, o.Cell())
	if o.Work != "" {
		s += " (" + o.Work + ")"
	}
	return s
}
