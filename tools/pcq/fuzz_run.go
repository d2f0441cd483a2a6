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
	elapsed    time.Duration
}

// A fuzz status line of go test -fuzz, for example
// "fuzz: elapsed: 3s, execs: 171436 (57135/sec), new interesting: 2 (total: 3)".
var (
	statusRE  = regexp.MustCompile(`^fuzz: elapsed: \S+, execs: (\d+) \(\d+/sec\)(?:, new interesting: (\d+))?`)
	crasherRE = regexp.MustCompile(`Failing input written to (\S+)`)
)

// fuzzOnce runs go test -fuzz on one target for d, adding what it reports to
// res. onStatus is called with the running totals at every status line. An
// interrupted ctx stops the fuzzer the way Ctrl-C does, keeping its corpus.
func fuzzOnce(ctx context.Context, moduleDir string, res *fuzzResult, d time.Duration, parallel int, onStatus func(execs int64)) error {
	t := res.target
	cmd := exec.CommandContext(ctx, "go", "test", "-run", "^$", "-fuzz", "^"+t.name+"$",
		"-fuzztime", d.String(), "-parallel", strconv.Itoa(parallel), ".")
	cmd.Dir = t.dir
	// The go command and the fuzzing processes it starts get a process
	// group of their own, so that an interrupt reaches them all, as Ctrl-C
	// in a terminal would.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGINT) }
	cmd.WaitDelay = 10 * time.Second
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	cmd.Stderr = cmd.Stdout
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	base := res.execs
	report := parseFuzzOutput(out, func(execs, interesting int64) {
		res.execs = base + execs
		res.interestng += interesting
		onStatus(res.execs)
	})
	waitErr := cmd.Wait()
	res.elapsed += time.Since(start)
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
	return nil
}

// replaysClean reports whether the input file of target t passes when
// go test runs it alone (as a seed of the corpus).
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
