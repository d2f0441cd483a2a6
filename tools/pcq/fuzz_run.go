package main

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/pcqkit/pcq/stress/sched/instrument"
)

// fuzzResult is what the fuzzing of one target gave, summed over rounds.
type fuzzResult struct {
	target     fuzzTarget
	execs      int64    // inputs tried
	interestng int64    // new corpus entries
	crashers   []string // files of failing inputs, relative to the module
	failure    string   // the failure report, if the target failed
	flakes     int      // rounds ended by Go's coordinator race (go.dev/issue/75804), not by the target
	unfailing  int      // inputs written as failing at an interrupt that passed on replay, removed
	// instrument are the packages the target said go test -fuzz must build
	// instrumented (a schedule target, fuzz.CheckSchedules): from then on
	// it runs with their overlay
	instrument []string
	baseline   string // the last "gathering baseline coverage" progress, as "done/total"
	rounds     int    // rounds that ran the target
	elapsed    time.Duration
}

// A fuzz status line of go test -fuzz, for example
// "fuzz: elapsed: 3s, execs: 171436 (57135/sec), new interesting: 2 (total: 3)",
// and its baseline progress line, for example
// "fuzz: elapsed: 0s, gathering baseline coverage: 41/120 completed".
var (
	statusRE   = regexp.MustCompile(`^fuzz: elapsed: \S+, execs: (\d+) \(\d+/sec\)(?:, new interesting: (\d+))?`)
	crasherRE  = regexp.MustCompile(`Failing input written to (\S+)`)
	baselineRE = regexp.MustCompile(`gathering baseline coverage: (\d+/\d+) completed`)
)

// fuzzOnce runs go test -fuzz on one target for fuzztime (its -fuzztime), adding what it reports to
// res. onStatus is called with the running totals at every status line. An
// interrupted ctx stops the fuzzer the way Ctrl-C does, keeping its corpus.
// A target that fails saying it needs packages built instrumented (a
// schedule target, fuzz.CheckSchedules; instrument.NeedsText) is run again
// at once with their overlay, as pcq explore -fuzz runs it, and so in later
// rounds.
func fuzzOnce(ctx context.Context, moduleDir string, res *fuzzResult, fuzztime string, parallel int, onStatus func(execs int64)) error {
	start := time.Now()
	defer func() { res.elapsed += time.Since(start) }()
	res.rounds++
	report, waitErr, err := fuzzProcess(ctx, res, fuzztime, parallel, onStatus)
	if pkgs := instrument.Needed(report); err == nil && waitErr != nil && res.instrument == nil && pkgs != nil && ctx.Err() == nil {
		res.instrument = pkgs
		report, waitErr, err = fuzzProcess(ctx, res, fuzztime, parallel, onStatus)
	}
	if err != nil {
		return err
	}
	res.record(ctx, moduleDir, report, waitErr)
	return nil
}

// record adds to res what one go test -fuzz run reported.
func (res *fuzzResult) record(ctx context.Context, moduleDir, report string, waitErr error) {
	t := res.target
	if m := baselineRE.FindAllStringSubmatch(report, -1); m != nil {
		res.baseline = m[len(m)-1][1]
	}
	if crash := crasherRE.FindStringSubmatch(report); crash != nil {
		file := filepath.Join(t.dir, crash[1])
		if ctx.Err() != nil && replaysClean(t, file) {
			// The interrupt, not the input: Go's fuzzer can take a worker
			// stopped by Ctrl-C for one that crashed. The input passes.
			_ = os.Remove(file)
			res.unfailing++
		} else {
			res.crashers = append(res.crashers, relativeTo(moduleDir, file))
		}
	}
	switch {
	case waitErr == nil || ctx.Err() != nil:
	case coordinatorFlake(report):
		res.flakes++
	default:
		res.failure = strings.TrimSpace(report)
	}
}

// fuzzProcess runs go test -fuzz on res's target for fuzztime, with the overlay
// of res.instrument if any, and returns what it printed besides status
// lines and how it ended (waitErr); err is an error of pcq's own.
func fuzzProcess(ctx context.Context, res *fuzzResult, fuzztime string, parallel int, onStatus func(execs int64)) (report string, waitErr, err error) {
	args := []string{"test", "-run", "^$", "-fuzz", "^" + res.target.name + "$",
		"-fuzztime", fuzztime, "-parallel", strconv.Itoa(parallel), "."}
	if res.instrument == nil {
		return goFuzz(ctx, res, args, nil, onStatus)
	}
	_, ov, remove, err := newOverlay(res.instrument)
	if err != nil {
		return "", nil, err
	}
	defer remove()
	args = append(append(args[:1:1], overlayFlags(ov)...), args[1:]...)
	return goFuzz(ctx, res, args, instrumentedEnv(ov), onStatus)
}

// goFuzz runs the go command with args (go test -fuzz) in res's target's
// folder, env its environment (nil: this process's), adding the executions
// and new corpus entries of its status lines to res.
func goFuzz(ctx context.Context, res *fuzzResult, args, env []string, onStatus func(execs int64)) (report string, waitErr, err error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = res.target.dir
	cmd.Env = env
	// The go command and the fuzzing processes it starts get a process
	// group of their own, so that an interrupt reaches them all, as Ctrl-C
	// in a terminal would.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGINT) }
	cmd.WaitDelay = 10 * time.Second
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, err
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	base := res.execs
	report = parseFuzzOutput(out, func(execs, interesting int64) {
		res.execs = base + execs
		res.interestng += interesting
		onStatus(res.execs)
	})
	return report, cmd.Wait(), nil
}

// replaysClean reports whether the input file of target t passes when
// go test runs it alone (as a seed of the corpus; a schedule target
// re-runs itself instrumented there).
func replaysClean(t fuzzTarget, file string) bool {
	name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	cmd := exec.Command("go", "test", "-count=1", "-run", "^"+t.name+"$/^"+regexp.QuoteMeta(name)+"$", ".")
	cmd.Dir = t.dir
	return cmd.Run() == nil
}

// parseFuzzOutput reads go test -fuzz output to its end, calling status
// with the executions so far and the new-interesting count of each status
// line, and returns everything that was not a status line.
func parseFuzzOutput(r io.Reader, status func(execs, newInteresting int64)) string {
	var rest strings.Builder
	var lastNew int64
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		m := statusRE.FindStringSubmatch(line)
		if m == nil {
			rest.WriteString(line + "\n")
			continue
		}
		execs, _ := strconv.ParseInt(m[1], 10, 64)
		newTotal, _ := strconv.ParseInt(m[2], 10, 64) // "" (baseline line) parses as 0
		status(execs, max(newTotal-lastNew, 0))
		lastNew = max(lastNew, newTotal)
	}
	return rest.String()
}

// relativeTo returns path relative to dir when it lies inside it.
func relativeTo(dir, path string) string {
	if rel, err := filepath.Rel(dir, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

// coordinatorFlake reports whether a failed go test -fuzz run failed only by
// the race in Go's fuzzing coordinator (go.dev/issue/75804, fixed in Go
// 1.27): a bare "context deadline exceeded" as -fuzztime ends, with no
// failing input written. A real crash always writes its input first.
func coordinatorFlake(report string) bool {
	return strings.Contains(report, "context deadline exceeded") && !crasherRE.MatchString(report)
}
