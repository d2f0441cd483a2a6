package verdicts

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/stress"
	"github.com/pcqkit/pcq/tools/thirdparty/adapters"
	"github.com/pcqkit/pcq/tools/thirdparty/explore"
)

// Summary is the verdict in words, under the library's declared
// relaxations: "linearizable" only for a strict library that passed every
// harness that ran; never plain "linearizable" under a relaxation.
func (v Verdict) Summary() string {
	explored := v.Explore != nil && v.Explore.Status == explore.Caught
	failed := explored
	for _, o := range v.Outcomes() {
		failed = failed || o.Status == Fail
	}
	switch {
	case v.Library.NotThreadSafe && failed:
		return "not thread-safe, as documented: the concurrent harnesses catch it"
	case v.Library.NotThreadSafe:
		return "not thread-safe, as documented (not caught in this budget)"
	case v.Library.Relaxed(linearizability.Lossy) && (explored || v.Stress.Lossy != nil && v.Stress.Lossy.Violation):
		return "not linearizable even with Lossy: a violation no drop explains"
	case v.Library.Relaxed(linearizability.Lossy) && v.Stress.Lossy != nil:
		return fmt.Sprintf("linearizable with Lossy (%d failing histories re-checked); not linearizable strictly", v.Stress.Lossy.Histories)
	case v.Library.Relaxed(linearizability.Lossy):
		return "lossy, as documented; not re-checked"
	case failed:
		return "not linearizable"
	}
	for _, o := range v.Outcomes() {
		if o.Status != Pass {
			return "no violation found by the harnesses that ran"
		}
	}
	return "linearizable (no violation found)"
}

// WriteTable writes the verdict table as Markdown: one row a library.
func WriteTable(w io.Writer, vs []Verdict) error {
	var b strings.Builder
	b.WriteString("| library | version | type | capacities | relaxations | property | stress | fuzz | explore | verdict |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	for _, v := range vs {
		l := v.Library
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			l.Name, version(l), l.Type, capsText(v.Capacities), l.Promises(),
			cell(v.Property), cell(v.Stress), cell(v.Fuzz), exploreCell(v.Explore), v.Summary())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// exploreCell is the explore outcome in a table cell: "not run" when the
// controlled scheduler did not run.
func exploreCell(o *explore.Outcome) string {
	if o == nil {
		return "not run"
	}
	return strings.ReplaceAll(o.Cell(), "|", "\\|")
}

func version(l adapters.Library) string {
	if l.Module == "std" {
		return l.Version
	}
	return fmt.Sprintf("%s@%s", l.Module, l.Version)
}

// cell is an outcome in a table cell: its status, the failed check, and
// what pcq check says of the saved history when it disagrees.
func cell(o Outcome) string {
	s := strings.ReplaceAll(o.Cell(), "|", "\\|")
	if o.Status == Fail && o.HistoryVerdict != "" && !strings.HasPrefix(o.HistoryVerdict, "violation") {
		s += " (history alone: " + firstWord(o.HistoryVerdict) + ")"
	}
	if o.Lossy != nil {
		if o.Lossy.Violation {
			s += "; with Lossy: FAIL"
		} else {
			s += "; with Lossy: pass"
		}
	}
	return s
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

// WriteDetails writes, for each failure, the harness's report, the saved
// history and the command that checks it.
// historyPath and lossyPath give the path under which a reader finds the
// saved history ("" if it was not saved).
func WriteDetails(w io.Writer, vs []Verdict, historyPath func(v Verdict, o Outcome) string, lossyPath func(*LossyVerdict) string) error {
	var b strings.Builder
	for _, v := range vs {
		for _, o := range v.Outcomes() {
			if o.Status != Fail {
				continue
			}
			fmt.Fprintf(&b, "### %s: %s FAIL (%s)\n\n", v.Library.Name, o.Harness, o.Check)
			fmt.Fprintf(&b, "Seed %d; %s.\n\n```\n%s\n```\n\n", o.Seed, o.Work, trim(o.Detail, 40))
			switch p := historyPath(v, o); {
			case p != "":
				fmt.Fprintf(&b, "History: `%s` — `go run ./tools/pcq check %s` says: %s\n\n", p, p, o.HistoryVerdict)
			case o.HistoryVerdict != "":
				fmt.Fprintf(&b, "The failing history alone is not a violation for pcq check (%s): the %s check "+
					"used what the file does not hold (an unrecorded probe, or an error the recorder keeps as unknown). Not saved.\n\n",
					o.HistoryVerdict, o.Check)
			}
			if lv := o.Lossy; lv != nil {
				fmt.Fprintf(&b, "Under Lossy: %d failing histories (%d ops) re-checked", lv.Histories, lv.Ops)
				if lv.Violation {
					fmt.Fprintf(&b, "; seed %d, capacity %d is a violation even with drops:\n\n```\n%s\n```\n", lv.Seed, lv.Capacity, trim(lv.Explanation, 20))
					if p := lossyPath(lv); p != "" {
						fmt.Fprintf(&b, "\nIts lossy projection: `%s` — `go run ./tools/pcq check %s`", p, p)
					}
				}
				b.WriteString("\n\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteExploreDetails writes, for each library the controlled scheduler
// caught, its report (the scenario, the trimmed interleaving) and the
// command that replays it.
func WriteExploreDetails(w io.Writer, vs []Verdict) error {
	var b strings.Builder
	for _, v := range vs {
		o := v.Explore
		if o == nil || o.Status != explore.Caught {
			continue
		}
		fmt.Fprintf(&b, "### %s: explore caught it (%s)\n\n", v.Library.Name, o.Check)
		fmt.Fprintf(&b, "Schedule %d of %s, capacity %d; the token replayed it %d of %d times. Replay it, from tools/thirdparty:\n\n"+
			"```\n%s=%s %s='%s' go test -run '^TestReplayLibrary$' ./verdicts\n```\n\n```\n%s\n```\n\n",
			o.Schedules, o.Strategy, o.Capacity, o.Reproduced, o.Replays,
			explore.LibraryEnv, v.Library.Name, stress.ReplayEnv, o.Token, trim(o.Report, 60))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// trim keeps the first n lines of s, without the harness's list of
// artifacts (temporary files, gone once the run ends).
func trim(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	lines = slices.DeleteFunc(lines, func(l string) bool { return strings.HasPrefix(l, "artifacts: ") })
	if len(lines) > n {
		lines = append(lines[:n], fmt.Sprintf("... (%d more lines)", len(lines)-n))
	}
	return strings.Join(lines, "\n")
}
