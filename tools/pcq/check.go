package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
)

const checkDescription = `
Check reads each history file (JSON Lines, as history/FORMAT.md gives it; - is
standard input), checks it for linearizability against the queue model, and
prints one verdict a file: linearizable, violation (with the operations that
make it, by line) or unknown (a checker gave up). The flags -model and -cap
override the file's header. -format jepsen reads Jepsen's history.edn of a
queue test instead (history/JEPSEN.md; the default, auto, does for a file
ending .edn). -relax checks under named relaxations
(spurious-try-failures, lossy; comma-separated) instead of the strict model,
and each verdict names them: "linearizable with spurious try-failures".
-timeout, -mem and -steps bound porcupine's search (the fast checker needs
none): reaching one answers unknown, never kills the process. -steps counts
the steps of the model porcupine tries: unlike -timeout, it gives a history
the same verdict on any machine at any load. -v says which
checker decided and on which fragment of the histories it covers.

Exit status: 0 when every file is linearizable, 1 when one is a violation,
2 when a checker gave up on one and none is a violation, 3 when a file is bad
(a message names the line; that file is not checked, the others are) or the
command line is (a bad flag: nothing is checked). A script can tell "the
checker gave up" (2) from "fix the input" (3).`

// Exit codes of pcq check.
const (
	exitLinearizable = 0
	exitViolation    = 1
	exitUnknown      = 2
	exitBadFile      = 3 // also a bad command line
)

// checkStdin is what pcq check reads for the file "-"; tests replace it.
var checkStdin io.Reader = os.Stdin

// checkConfig is a parsed pcq check command line.
type checkConfig struct {
	model    string // "" : the header's
	format   historyFormat
	capacity capFlag
	checker  linearizability.Checker
	timeout  time.Duration
	steps    int64
	memory   memFlag
	viz      string
	verbose  bool
	relax    []linearizability.Relaxation
	files    []string
}

func runCheck(args []string) int {
	c, code, ok := parseCheck(args)
	if !ok {
		return code
	}
	worst := exitLinearizable
	for _, name := range c.files {
		if code := c.checkFile(name); severity[code] > severity[worst] {
			worst = code
		}
	}
	return worst
}

// severity orders the exit codes: a bad file, then a violation, then an
// unknown verdict decide the exit code of several files.
var severity = map[int]int{exitLinearizable: 0, exitUnknown: 1, exitViolation: 2, exitBadFile: 3}

// parseCheck parses and validates the flags and files of pcq check.
func parseCheck(args []string) (c checkConfig, code int, ok bool) {
	fs := newFlagSet("check", "[-format pcq|jepsen|auto] [-model fifo|lifo|priority] [-cap N] [-checker auto|fast|porcupine] [-timeout D] [-mem SIZE] [-steps N] [-relax R,...] [-viz FILE.html] [-v] FILE...", checkDescription)
	fs.Var(&c.format, "format", checkFormatHelp)
	fs.StringVar(&c.model, "model", "", "queue model: fifo, lifo or priority (default: the file's header, else fifo)")
	fs.Var(&c.capacity, "cap", "queue capacity `N`, 0 unbounded (default: the file's header, else 0)")
	checker := fs.String("checker", "auto", "checker: auto (fast when it can decide, else porcupine), fast or porcupine")
	fs.DurationVar(&c.timeout, "timeout", linearizability.DefaultTimeout, "time limit of porcupine; 0: none")
	fs.Int64Var(&c.steps, "steps", 0, "work budget of porcupine, in steps of the model (0: none); reaching it answers unknown, the same on any machine")
	c.memory.bytes = linearizability.DefaultMemoryBudget()
	fs.Var(&c.memory, "mem", "memory budget of porcupine's search (e.g. 512MiB, 4GiB; 0: none); reaching it answers unknown")
	fs.StringVar(&c.viz, "viz", "", "write porcupine's HTML visualisation to this file (FILE-NAME.html for several files)")
	fs.BoolVar(&c.verbose, "v", false, "also print how each verdict was reached")
	relax := fs.String("relax", "", "check under these relaxations: spurious-try-failures, lossy (comma-separated; default: strict)")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return c, 0, false
		}
		return c, exitBadFile, false
	}
	c.files = fs.Args()
	switch {
	case len(c.files) == 0:
		fmt.Fprintf(fs.Output(), "%s: no history file (use - for standard input)\n", fs.Name())
		fs.Usage()
		return c, exitBadFile, false
	case c.model != "":
		if _, err := models.ParseKind(c.model); err != nil {
			return c, badCheckUsage(fs, "-model: unknown model %q (want fifo, lifo or priority)", c.model), false
		}
	}
	chosen, err := linearizability.ParseChecker(*checker)
	if err != nil {
		return c, badCheckUsage(fs, "-checker: %s", strings.TrimPrefix(err.Error(), "linearizability: ")), false
	}
	c.checker = chosen
	if c.timeout < 0 {
		return c, badCheckUsage(fs, "-timeout: negative duration %v", c.timeout), false
	}
	if c.steps < 0 {
		return c, badCheckUsage(fs, "-steps: negative number of steps %d", c.steps), false
	}
	rs, err := linearizability.ParseRelaxations(*relax)
	if err != nil {
		return c, badCheckUsage(fs, "-relax: %s", strings.TrimPrefix(err.Error(), "linearizability: ")), false
	}
	c.relax = rs
	return c, 0, true
}

// badCheckUsage reports a bad command line of pcq check and returns its
// exit code: 3, like a bad file (2 would read as "the checker gave up").
func badCheckUsage(fs *flag.FlagSet, format string, a ...any) int {
	usageError(fs, format, a...)
	return exitBadFile
}

// checkFile checks one history file, prints its verdict and returns its
// exit code.
func (c checkConfig) checkFile(name string) int {
	h, err := c.read(name)
	if err != nil {
		fmt.Fprintf(stdout, "%s: bad file: %v\n", name, err)
		return exitBadFile
	}
	r := linearizability.Check(h, linearizability.WithChecker(c.checker), linearizability.WithTimeout(c.timeout),
		linearizability.WithSteps(c.steps), linearizability.WithMemoryBudget(c.memory.bytes), linearizability.WithRelaxations(c.relax...))
	fmt.Fprintf(stdout, "%s: %s (%s, %d ops, %v)\n", name, r.VerdictText(), checkerOf(r), r.Operations, significant(r.Elapsed, 3))
	if r.Verdict != linearizability.Linearizable || c.verbose {
		checkIndent(r.Explanation)
		if r.Note != "" && !strings.Contains(r.Explanation, r.Note) &&
			(r.Verdict == linearizability.Unknown || c.verbose) {
			checkIndent("note: " + r.Note)
		}
	}
	if c.viz != "" {
		c.visualize(name, h, r)
	}
	switch r.Verdict {
	case linearizability.Linearizable:
		return exitLinearizable
	case linearizability.Violation:
		return exitViolation
	}
	return exitUnknown
}

// read reads and validates one history file; the flags override its header.
func (c checkConfig) read(name string) (history.History, error) {
	r := checkStdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return history.History{}, err
		}
		defer f.Close()
		r = f
	}
	h, err := c.format.readHistory(name, r)
	if err != nil {
		return h, err
	}
	if c.model != "" {
		h.Kind, _ = models.ParseKind(c.model)
	}
	if c.capacity.set {
		h.Capacity = c.capacity.n
	}
	if err := history.Validate(h); err != nil && !errors.Is(err, history.ErrDuplicateValues) {
		return h, err // the reader accepts nothing else that Validate rejects
	}
	return h, nil
}

// visualize writes the HTML visualisation of one file's check; a failure is
// reported but does not change the verdict.
func (c checkConfig) visualize(name string, h history.History, r linearizability.Report) {
	path := c.viz
	if len(c.files) > 1 {
		base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
		if name == "-" {
			base = "stdin"
		}
		path = strings.TrimSuffix(c.viz, filepath.Ext(c.viz)) + "-" + base + ".html"
	}
	f, err := os.Create(path)
	if err == nil {
		err = linearizability.Visualize(h, r, f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: no visualisation: %v\n", name, err)
		return
	}
	fmt.Fprintf(stdout, "  visualisation: %s\n", path)
}

// capFlag is the -cap flag: a capacity >= 0, or not set.
type capFlag struct {
	n   int
	set bool
}

func (f *capFlag) String() string {
	if f == nil || !f.set {
		return ""
	}
	return strconv.Itoa(f.n)
}

func (f *capFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return fmt.Errorf("want a capacity >= 0 (0: unbounded), not %q", s)
	}
	f.n, f.set = n, true
	return nil
}

// checkerOf is the report's checker, or "no checker".
func checkerOf(r linearizability.Report) string {
	if r.Checker == "" {
		return "no checker"
	}
	return r.Checker
}

// checkIndent prints text, each line indented by two spaces.
func checkIndent(text string) {
	for line := range strings.SplitSeq(strings.TrimRight(text, "\n"), "\n") {
		if line != "" {
			fmt.Fprintf(stdout, "  %s\n", line)
		}
	}
}

// significant rounds d to n significant digits, as the tables and reports
// show durations: significant(2_143_999ns, 3) is 2.14ms.
func significant(d time.Duration, n int) time.Duration {
	unit, limit := time.Duration(1), pow10(n)
	for d >= limit*unit {
		unit *= 10
	}
	return d.Round(unit)
}

// pow10 is 10 to the n, as a Duration.
func pow10(n int) time.Duration {
	p := time.Duration(1)
	for range n {
		p *= 10
	}
	return p
}
