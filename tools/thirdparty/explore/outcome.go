package explore

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

// Status is how the exploration of a library ended.
type Status string

// The statuses of an [Outcome].
const (
	Caught Status = "caught" // a schedule failed
	Passed Status = "passed" // every schedule of both passes passed
	NotRun Status = "not run"
)

// Outcome is what the controlled scheduler found on one library.
type Outcome struct {
	Library string
	Status  Status
	Note    string // why it was not run

	// Caught: the pass that caught it, the schedules it ran up to and
	// including the failing one, the failed check, the capacity, what
	// replays it, how many replays gave the same failure, and the first
	// line of the library's own code the trace names.
	Strategy   string
	Schedules  int
	Check      string
	Capacity   int
	Token      string
	Replay     string
	Reproduced int
	Replays    int
	Where      string
	Report     string // the failure's report

	// Passed: the PCT pass's schedules, and the exhaustive pass's.
	PCT        int
	Exhaustive Exhaustive

	Elapsed time.Duration
}

// Exhaustive is what an exhaustive pass ran: every schedule within Bound
// preemptions of Complete scenarios; Incomplete scenarios were cut short by
// the schedule budget.
type Exhaustive struct {
	Bound                int
	Schedules            int
	Scenarios            int
	Complete, Incomplete int
}

// Cell is the outcome in the verdict table: "caught in 8 schedules (pct:3,
// conservation, capacity 1; replayed 5/5) at ring.go:89", "passed 2000 PCT
// schedules, and 3000 exhaustive ones (≤ 2 preemptions): 3 scenarios
// complete, 1 cut short by the budget", or why it did not run.
func (o Outcome) Cell() string {
	switch o.Status {
	case Caught:
		return fmt.Sprintf("caught in %d schedules (%s, %s, capacity %d; replayed %d/%d) at %s",
			o.Schedules, o.Strategy, o.Check, o.Capacity, o.Reproduced, o.Replays, o.Where)
	case Passed:
		e := o.Exhaustive
		cut := ""
		if e.Incomplete > 0 {
			cut = fmt.Sprintf(", %d cut short by the budget", e.Incomplete)
		}
		return fmt.Sprintf("passed %d PCT schedules, and %d exhaustive ones (≤ %d preemptions): %d scenarios complete%s",
			o.PCT, e.Schedules, e.Bound, e.Complete, cut)
	}
	return "not run: " + o.Note
}

// OutEnv names the file to which TestExplore writes its outcomes (JSON),
// for cmd/verdicts.
const OutEnv = "PCQ_EXPLORE_OUT"

// LibraryEnv names the library whose failure TestReplayLibrary replays,
// with stress.ReplayEnv set to the failure's token.
const LibraryEnv = "PCQ_EXPLORE_LIBRARY"

// WriteOutcomes writes outcomes to path as JSON.
func WriteOutcomes(path string, outcomes []Outcome) error {
	data, err := json.MarshalIndent(outcomes, "", "\t")
	if err != nil {
		return fmt.Errorf("explore: %v", err)
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("explore: %v", err)
	}
	return nil
}

// ReadOutcomes reads what [WriteOutcomes] wrote.
func ReadOutcomes(path string) ([]Outcome, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("explore: %v", err)
	}
	var outcomes []Outcome
	if err := json.Unmarshal(data, &outcomes); err != nil {
		return nil, fmt.Errorf("explore: %s: %v", path, err)
	}
	return outcomes, nil
}
