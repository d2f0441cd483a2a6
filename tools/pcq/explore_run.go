package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/stress"
	"github.com/pcqkit/pcq/stress/sched/instrument"
)

// exploreArgsEnv carries pcq explore's arguments into the instrumented
// test binary that runs the campaign (TestExploreCampaign): the controlled
// scheduler's bubbles need a *testing.T, which only a test binary has.
const exploreArgsEnv = "PCQ_EXPLORE_ARGS"

// rerun builds this command's test binary with the kit's packages
// instrumented and runs the campaign in it (TestExploreCampaign); it
// returns the campaign's exit code.
func (c exploreConfig) rerun(out, errw io.Writer) int {
	return withKitOverlay(errw, func(dir string, res *instrument.Result) int {
		bin := filepath.Join(dir, "pcq-explore.test")
		build := append(append([]string{"test", "-c", "-o", bin}, overlayFlags(res)...), "github.com/pcqkit/pcq/tools/pcq")
		if code := runCmd(out, errw, res, "go", build...); code != 0 {
			return 3
		}
		args, err := json.Marshal(c.args)
		if err != nil {
			fmt.Fprintf(errw, "pcq explore: %v\n", err)
			return 3
		}
		os.Setenv(exploreArgsEnv, string(args))
		defer os.Unsetenv(exploreArgsEnv)
		return runCmd(out, errw, res, bin, "-test.run", "^TestExploreCampaign$")
	})
}

// campaign runs the campaign of args inside test t, in the instrumented
// test binary, and returns the exit code.
func campaign(t *testing.T, args []string) int {
	c, code, ok := parseExplore(args)
	if !ok {
		return code
	}
	c.t = t
	return c.run(stdout, stderr)
}

// runFuzz runs the schedule fuzz target c.fuzz with go test -fuzz, built
// with the kit's packages, the target's package and those of -instrument
// instrumented.
func (c exploreConfig) runFuzz(out, errw io.Writer) int {
	pkgs := append(slices.Clone(c.instrument), kitPackages...)
	if !ofTheKit(c.fuzzPkg) {
		pkgs = append(pkgs, c.fuzzPkg) // a user's package: its queue is there
	}
	return withOverlay(errw, pkgs, func(_ string, res *instrument.Result) int {
		args := append(append([]string{"test"}, overlayFlags(res)...), "-run", "^$", "-fuzz", "^"+c.fuzz+"$", "-fuzztime", c.fuzztime, c.fuzzPkg)
		return runCmd(out, errw, res, "go", args...)
	})
}

// ofTheKit reports whether the package pattern names a package of this
// module (not of a nested one, such as tools/thirdparty): the kit's
// harnesses (fuzz, stress) are never instrumented, only the queues they
// run (kitPackages).
func ofTheKit(pkg string) bool {
	out, err := exec.Command("go", "list", "-f", "{{with .Module}}{{.Path}}{{end}}", pkg).Output()
	return err == nil && strings.TrimSpace(string(out)) == "github.com/pcqkit/pcq"
}

// withKitOverlay is withOverlay of the kit's packages.
func withKitOverlay(errw io.Writer, f func(dir string, res *instrument.Result) int) int {
	return withOverlay(errw, kitPackages, f)
}

// withOverlay writes the overlay of the packages pkgs into a temporary
// folder, calls f with the folder and the overlay, and removes the folder;
// it returns f's exit code, or 3 if the overlay could not be written.
func withOverlay(errw io.Writer, pkgs []string, f func(dir string, res *instrument.Result) int) int {
	dir, res, remove, err := newOverlay(pkgs)
	if err != nil {
		fmt.Fprintf(errw, "pcq: %v\n", err)
		return 3
	}
	defer remove()
	return f(dir, res)
}

// newOverlay writes the overlay of the packages pkgs into a new temporary
// folder dir; remove removes the folder.
func newOverlay(pkgs []string) (dir string, res *instrument.Result, remove func(), err error) {
	dir, err = os.MkdirTemp("", "pcq-overlay-")
	if err != nil {
		return "", nil, nil, err
	}
	remove = func() { os.RemoveAll(dir) }
	if res, err = instrument.Overlay(dir, pkgs...); err != nil {
		remove()
		return "", nil, nil, err
	}
	return dir, res, remove, nil
}

// overlayFlags are the go command's flags that build with the overlay res.
func overlayFlags(res *instrument.Result) []string {
	flags := []string{"-overlay", res.Overlay}
	if res.Modfile != "" {
		flags = append(flags, "-modfile", res.Modfile)
	}
	return flags
}

// runCmd runs name with args, the packages of res marked as instrumented,
// its output passed through; it returns the exit code (3 if it could not
// start).
func runCmd(out, errw io.Writer, res *instrument.Result, name string, args ...string) int {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr, cmd.Stdin = out, errw, os.Stdin
	cmd.Env = instrumentedEnv(res)
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitCode()
	}
	fmt.Fprintf(errw, "pcq explore: %v\n", err)
	return 3
}

// instrumentedEnv is this process's environment with the packages of res
// marked as instrumented (instrument.RerunEnv), for a command built with
// their overlay.
func instrumentedEnv(res *instrument.Result) []string {
	return append(os.Environ(), instrument.RerunEnv+"="+strings.Join(res.Packages, " "))
}

// exploreRow is one implementation's outcome.
type exploreRow struct {
	impl string
	res  stress.ExploreResult
	err  error
}

// run explores each implementation in turn, instrumented, and prints the
// table; it returns the exit code.
func (c exploreConfig) run(out, errw io.Writer) int {
	if c.replay != "" {
		fmt.Fprintf(out, "explore: replaying one schedule of %s: %s\n", c.impls[0].name, c.replay)
	} else {
		fmt.Fprintf(out, "explore: %d implementation(s), %s, up to %d schedules or %s each, seed %d\n", len(c.impls), c.strategy, c.schedules, c.duration, c.seed)
	}
	p := newProgress(errw)
	start := time.Now()
	var rows []exploreRow
	for i, m := range c.impls {
		p.set("%s %-9s %d/%d  %s", bar(float64(i)/float64(len(c.impls)), 20), m.name, i+1, len(c.impls), time.Since(start).Round(time.Second))
		rows = append(rows, c.explore(m))
	}
	p.done()
	printExploreTable(out, rows)
	failures := map[string]error{}
	for _, r := range rows {
		failures[r.impl] = r.err
	}
	return printFailures(out, c.implNames(), failures)
}

// explore runs stress.ExploreRun on m.
func (c exploreConfig) explore(m impl) exploreRow {
	row := exploreRow{impl: m.name}
	row.res, row.err = stress.ExploreRun(c.t, m.new, c.options(m)...)
	var f *stress.ExploreFailure
	if errors.As(row.err, &f) {
		f.Replay = fmt.Sprintf("go run ./tools/pcq explore -impl %s -replay '%s'", m.name, f.Token)
		rewriteReport(f)
	}
	return row
}

// options are the explore harness options for implementation m.
func (c exploreConfig) options(m impl) []harness.Option {
	opts := []harness.Option{
		harness.WithModel(m.kind),
		harness.WithStrategy(c.strategy),
		harness.WithSchedules(c.schedules),
		harness.WithDuration(c.duration),
		harness.WithGoroutines(c.goroutines),
		harness.WithOpsPerGoroutine(c.ops),
		harness.WithSeed(c.seed),
		harness.WithArtifacts(filepath.Join(c.out, m.name)),
	}
	if c.replay != "" {
		opts = append(opts, harness.WithReplay(c.replay))
	}
	if c.scenario != "" {
		opts = append(opts, harness.WithScenario(c.scenario))
	}
	return append(opts, m.capacities(c.capacity)...)
}

// exhaustiveVerdict says what an exhaustive pass covered: every schedule
// within the bound of every scenario, or of how many of them.
func exhaustiveVerdict(res stress.ExploreResult) string {
	if res.Incomplete == 0 {
		return fmt.Sprintf("passed: every schedule within the bound, %d scenario(s)", res.Complete)
	}
	return fmt.Sprintf("passed: every schedule within the bound in %d of %d scenario(s); %d cut short by the budget", res.Complete, res.Scenarios, res.Incomplete)
}

// printExploreTable writes one row per implementation.
func printExploreTable(w io.Writer, rows []exploreRow) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "IMPL\tSCENARIOS\tSCHEDULES\tDISTINCT\tVERDICT\tTIME")
	for _, r := range rows {
		verdict := "passed"
		if r.res.Strategy.IsExhaustive() {
			verdict = exhaustiveVerdict(r.res)
		}
		var f *stress.ExploreFailure
		switch {
		case errors.As(r.err, &f):
			verdict = fmt.Sprintf("FAILED: %s (schedule %d)", f.Check, f.Schedule)
		case r.err != nil:
			verdict = "ERROR"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\n", r.impl, r.res.Scenarios, r.res.Schedules, r.res.Distinct, verdict, r.res.Elapsed.Round(10*time.Millisecond))
	}
	tw.Flush()
}

// rewriteReport writes f's report again, with the command's replay, over
// the report.txt among its artifacts.
func rewriteReport(f *stress.ExploreFailure) {
	for _, a := range f.Artifacts {
		if filepath.Base(a) == "report.txt" {
			_ = os.WriteFile(a, []byte(f.Error()+"\n"), 0o644)
		}
	}
}

// implNames returns the names of the implementations explored, in order.
func (c exploreConfig) implNames() []string {
	names := make([]string, len(c.impls))
	for i, m := range c.impls {
		names[i] = m.name
	}
	return names
}
