package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"text/tabwriter"
	"time"
)

const fuzzDescription = `
Fuzz runs every native fuzz target (func FuzzXxx(f *testing.F)) of the
chosen packages in turn, each for its share of the budget (or -execs
inputs), round after round, and ends with a table: target, executions, new
corpus entries, time, and crashers with the path of each crasher file (it
replays as a plain go test case). The budget is fuzzing time, go test's
-fuzztime, which includes gathering the baseline coverage of the target's
corpus: building each test binary comes on top (the wall time is printed
at the end), and a target whose share ended before its baseline coverage
did ran no input and says NEVER FUZZED. A schedule target
(fuzz.CheckSchedules), which says it needs packages built instrumented, is
run again with their overlay, as pcq explore -fuzz runs it. Ctrl-C stops
cleanly and prints the table so far. Exit status: 0 no crasher, 1 a
crasher or a failing target, 2 usage error.

With -merge DIR..., fuzz fuzzes nothing: it merges corpora fuzzed on other
machines (their testdata/fuzz folders, or Go's cache folders
$(go env GOCACHE)/fuzz/...) into testdata/fuzz/<Target>/ of the chosen
packages' targets. A file joins the target its folder names (when several
packages have a target of that name, the one its path names); it is named
as Go names corpus files, by its content's hash, and skipped when a file
there already holds the same content. Each target that gained files is
then run once over its seeds (go test -run '^Target$'), so that a crasher
found elsewhere fails now (exit 1) instead of lying unseen. No coverage
minimization: Go has no tool for it (libFuzzer's -merge=1 does, on
ClusterFuzzLite and in .ci/libfuzzer). With -libfuzzer, the files are
libFuzzer inputs of binaries built by go-118-fuzz-build (crash-* files
too), each turned into the Go corpus entry that runs the same input.

With -libfuzzer-seeds DIR, fuzz writes each chosen target's
testdata/fuzz corpus as libFuzzer inputs into DIR/<Target>/, a seed corpus
for its libFuzzer binary (which ignores f.Add).`

// fuzzConfig is a parsed pcq fuzz command line.
type fuzzConfig struct {
	budget   time.Duration // the -fuzztime of all targets and rounds together
	execs    int           // if > 0, each target's inputs per round, instead of budget
	rounds   int
	parallel int
	dir      string
	patterns []string
	match    *regexp.Regexp
	merge    []string // -merge: the corpus folders to merge
	// libfuzzer: with merge, the folders hold libFuzzer inputs
	libfuzzer bool
	seedsTo   string // -libfuzzer-seeds: where to write the seed corpora
}

func runFuzz(args []string) int {
	c, code, ok := parseFuzz(args)
	if !ok {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	switch {
	case c.merge != nil:
		return c.runMerge(ctx, c.merge, stdout, stderr)
	case c.seedsTo != "":
		return c.runSeedsExport(ctx, stdout, stderr)
	}
	return c.run(ctx, stdout, stderr)
}

// parseFuzz parses and validates the flags of pcq fuzz.
func parseFuzz(args []string) (c fuzzConfig, code int, ok bool) {
	fs := newFlagSet("fuzz", "[-budget D | -execs N] [-rounds N] [-pkg PATTERNS] [-run REGEXP] [-parallel N] [-C DIR] | -merge [-libfuzzer] [-pkg PATTERNS] [-run REGEXP] [-C DIR] DIR... | -libfuzzer-seeds DIR [-pkg PATTERNS] [-run REGEXP] [-C DIR]", fuzzDescription)
	fs.DurationVar(&c.budget, "budget", 2*time.Minute, "total fuzzing time (go test -fuzztime, baseline coverage included; building comes on top), shared among the targets and rounds")
	fs.IntVar(&c.rounds, "rounds", 1, "rounds over all targets")
	fs.IntVar(&c.execs, "execs", 0, "run each target for this many inputs per round (go test -fuzztime Nx) instead of a share of -budget")
	fs.IntVar(&c.parallel, "parallel", 2, "fuzzing processes per target (go test -parallel)")
	fs.StringVar(&c.dir, "C", ".", "the module to fuzz")
	pkgs := fs.String("pkg", "./...", "packages to search for fuzz targets (comma-separated go package patterns)")
	run := fs.String("run", "", "fuzz only targets whose names match this regular expression")
	merge := fs.Bool("merge", false, "merge the corpus folders DIR... into the targets' testdata/fuzz instead of fuzzing")
	fs.BoolVar(&c.libfuzzer, "libfuzzer", false, "with -merge: the folders hold libFuzzer inputs (go-118-fuzz-build binaries)")
	fs.StringVar(&c.seedsTo, "libfuzzer-seeds", "", "write the targets' testdata/fuzz corpora as libFuzzer seed inputs into `DIR`/<Target>/ instead of fuzzing")
	if err := fs.Parse(args); err == flag.ErrHelp {
		return c, 0, false
	} else if err != nil {
		return c, 2, false
	}
	switch {
	case !*merge && fs.NArg() > 0:
		return c, usageError(fs, "unexpected argument %q (corpus folders go with -merge)", fs.Arg(0)), false
	case *merge && fs.NArg() == 0:
		return c, usageError(fs, "-merge needs the corpus folders to merge"), false
	case *merge && c.seedsTo != "":
		return c, usageError(fs, "-merge and -libfuzzer-seeds exclude each other"), false
	case c.libfuzzer && !*merge:
		return c, usageError(fs, "-libfuzzer goes with -merge"), false
	case *merge:
		c.merge = fs.Args()
	}
	c.patterns = strings.Split(*pkgs, ",")
	var err error
	if c.match, err = regexp.Compile(*run); err != nil {
		return c, usageError(fs, "-run %q: %v", *run, err), false
	}
	if c.budget <= 0 || c.execs < 0 || c.rounds < 1 || c.parallel < 1 {
		return c, usageError(fs, "want -budget > 0, -execs >= 0, -rounds >= 1, -parallel >= 1"), false
	}
	return c, 0, true
}

// run fuzzes every target and prints the table; it returns the exit code.
func (c fuzzConfig) run(ctx context.Context, out, errw io.Writer) int {
	start := time.Now()
	targets, err := findFuzzTargets(ctx, c.dir, c.patterns, c.match)
	if err != nil {
		fmt.Fprintf(errw, "pcq fuzz: %v\n", err)
		return 1
	}
	if len(targets) == 0 {
		fmt.Fprintf(errw, "pcq fuzz: no fuzz target in %s\n", strings.Join(c.patterns, ","))
		return 1
	}
	fuzztime, each := c.fuzztime(len(targets))
	fmt.Fprintf(out, "fuzzing %d targets, %d round(s), %s each per round (go test -fuzztime %s, baseline coverage included; building each test binary comes on top)\n", len(targets), c.rounds, each, fuzztime)
	results := c.fuzzAll(ctx, targets, fuzztime, errw)
	printFuzzTable(out, results)
	fmt.Fprintf(out, "wall time %s, building the test binaries included\n", time.Since(start).Round(time.Second))
	if ctx.Err() != nil {
		fmt.Fprintln(out, "interrupted: the table shows what ran before Ctrl-C")
	}
	for _, r := range results {
		if len(r.crashers) > 0 || r.failure != "" {
			return 1
		}
	}
	return 0
}

// fuzztime is go test's -fuzztime for each target and round: -execs
// inputs, or the target's share of -budget (at least a second), and the
// same in words.
func (c fuzzConfig) fuzztime(targets int) (fuzztime, each string) {
	if c.execs > 0 {
		return fmt.Sprintf("%dx", c.execs), fmt.Sprintf("%d inputs", c.execs)
	}
	share := max((c.budget / time.Duration(targets*c.rounds)).Truncate(100*time.Millisecond), time.Second)
	return share.String(), share.String()
}

// fuzzAll runs the rounds, showing progress on errw, and returns a result
// per target (those not reached before an interrupt included, empty).
func (c fuzzConfig) fuzzAll(ctx context.Context, targets []fuzzTarget, fuzztime string, errw io.Writer) []fuzzResult {
	results := make([]fuzzResult, len(targets))
	for i, t := range targets {
		results[i].target = t
	}
	p := newProgress(errw)
	start := time.Now()
	runs := len(targets) * c.rounds
	for round := 1; round <= c.rounds && ctx.Err() == nil; round++ {
		for i := range results {
			if ctx.Err() != nil {
				break
			}
			r := &results[i]
			done := (round-1)*len(targets) + i
			status := func(execs int64) {
				p.set("%s round %d/%d  target %d/%d  %-32s execs %-10d %s", bar(float64(done)/float64(runs), 20),
					round, c.rounds, i+1, len(targets), r.target, execs, time.Since(start).Round(time.Second))
			}
			status(r.execs)
			if err := fuzzOnce(ctx, c.dir, r, fuzztime, c.parallel, status); err != nil {
				r.failure = err.Error()
			}
		}
	}
	p.done()
	return results
}

// printFuzzTable writes the results as a table, then each failure.
func printFuzzTable(w io.Writer, results []fuzzResult) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TARGET\tEXECS\tNEW CORPUS\tTIME\tCRASHERS")
	for _, r := range results {
		crashers := "0"
		switch n := len(r.crashers); {
		case n > 0:
			crashers = fmt.Sprintf("%d: %s", n, strings.Join(r.crashers, ", "))
		case r.failure != "":
			crashers = "failed (see below)"
		case r.rounds == 0:
			crashers = "not run (interrupted before it)"
		case r.execs == 0:
			crashers = neverFuzzed(r)
		}
		if r.flakes > 0 {
			crashers += fmt.Sprintf(" (%d round(s) cut short by go.dev/issue/75804, not a crash)", r.flakes)
		}
		if r.unfailing > 0 {
			crashers += fmt.Sprintf(" (%d input(s) written as failing at the interrupt passed on replay: removed, not a crash)", r.unfailing)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", r.target, r.execs, r.interestng, r.elapsed.Round(time.Second), crashers)
	}
	tw.Flush()
	for _, r := range results {
		if r.failure != "" {
			fmt.Fprintf(w, "\n--- %s failed:\n%s\n", r.target, r.failure)
		}
	}
}

// neverFuzzed says why a target that ran no input has no crasher: its
// -fuzztime ended before fuzzing began (while go test gathered the
// baseline coverage of its corpus, if it said so).
func neverFuzzed(r fuzzResult) string {
	if r.baseline != "" {
		return fmt.Sprintf("none: NEVER FUZZED, its -fuzztime ended while gathering baseline coverage (%s inputs): give it more -budget or -execs", r.baseline)
	}
	return "none: NEVER FUZZED, no input ran: give it more -budget or -execs"
}
