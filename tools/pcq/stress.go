package main

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/stress"
)

const stressDescription = `
Stress runs a campaign of the stress harness over the chosen
implementations, one after the other: many goroutines run random mixes of
operations (blocking calls with deadlines, try-calls, task_done and join,
shutdown mid-run) on one queue, in short rounds whose histories are
recorded and checked for linearizability after cheap checks (nothing lost,
duplicated or from nowhere, per-producer order, task counts), with a
watchdog for hangs and a leak check after every round. It ends with a
table: implementation, operations, histories checked, verdict, time. On a
violation it prints the explanation and the seed, and writes the history
(pcq check reads it) and its HTML visualisation under -out. Exit status: 0
every implementation passed, 1 one failed, 2 usage error.`

// stressConfig is a parsed pcq stress command line.
type stressConfig struct {
	impls      []impl
	duration   time.Duration // per implementation
	goroutines int
	capacity   int // -1: the harness's default capacities
	seed       int64
	out        string
	relax      []linearizability.Relaxation
}

func runStress(args []string) int {
	c, code, ok := parseStress(args)
	if !ok {
		return code
	}
	return c.run(stdout, stderr)
}

// parseStress parses and validates the flags of pcq stress.
func parseStress(args []string) (c stressConfig, code int, ok bool) {
	fs := newFlagSet("stress", "[-impl NAMES|all] [-duration D] [-goroutines N] [-cap N] [-seed S] [-relax R,...] [-out DIR]", stressDescription)
	names := fs.String("impl", "all", "implementations, comma-separated: "+implNames()+", or all; broken:NAME is a deliberately broken queue (see internal/broken)")
	fs.DurationVar(&c.duration, "duration", 10*time.Second, "time for each implementation")
	fs.IntVar(&c.goroutines, "goroutines", 6, "goroutines per round")
	fs.IntVar(&c.capacity, "cap", -1, "capacity to run (0 unbounded); default: 1, 4 and unbounded where the implementation allows")
	fs.Int64Var(&c.seed, "seed", time.Now().UnixNano(), "seed of the rounds' operations (printed; a failure replays with it)")
	fs.StringVar(&c.out, "out", filepath.Join(os.TempDir(), "pcq-stress"), "folder for the artifacts of a failure")
	relax := fs.String("relax", "", "hold the queues to these relaxations: spurious-try-failures, lossy (comma-separated; default: strict)")
	if code, ok := parseFlags(fs, args); !ok {
		return c, code, false
	}
	var err error
	if c.relax, err = linearizability.ParseRelaxations(*relax); err != nil {
		return c, usageError(fs, "-relax: %s", strings.TrimPrefix(err.Error(), "linearizability: ")), false
	}
	if c.impls, err = parseImpls(*names); err != nil {
		return c, usageError(fs, "-impl: %v", err), false
	}
	if c.duration <= 0 || c.goroutines < 1 || c.capacity < -1 {
		return c, usageError(fs, "want -duration > 0, -goroutines >= 1, -cap >= 0"), false
	}
	if c.capacity >= 0 {
		for _, m := range c.impls {
			if err := m.checkCap(c.capacity); err != nil {
				return c, usageError(fs, "-cap %d: %v (choose the implementations with -impl)", c.capacity, err), false
			}
		}
	}
	return c, 0, true
}

// stressRow is one implementation's outcome.
type stressRow struct {
	impl    string
	res     stress.Result
	err     error
	elapsed time.Duration
}

// run stresses each implementation in turn and prints the table; it
// returns the exit code.
func (c stressConfig) run(out, errw io.Writer) int {
	fmt.Fprintf(out, "stress: %d implementation(s), %s each, seed %d\n", len(c.impls), c.duration, c.seed)
	rows := make([]stressRow, 0, len(c.impls))
	p := newProgress(errw)
	start := time.Now()
	total := c.duration * time.Duration(len(c.impls))
	for i, m := range c.impls {
		done := make(chan struct{})
		go c.showProgress(p, m.name, i, start, total, done)
		t0 := time.Now()
		res, err := stress.Run(m.new, c.options(m)...)
		close(done)
		var failure *stress.Failure
		if errors.As(err, &failure) {
			failure.Replay = c.replay(m, failure)
		}
		rows = append(rows, stressRow{impl: m.name, res: res, err: err, elapsed: time.Since(t0)})
	}
	p.done()
	printStressTable(out, rows)
	failures := map[string]error{}
	var names []string
	for _, r := range rows {
		failures[r.impl] = r.err
		names = append(names, r.impl)
	}
	return printFailures(out, names, failures)
}

// options are the stress harness options for implementation m.
func (c stressConfig) options(m impl) []harness.Option {
	opts := []harness.Option{
		harness.WithModel(m.kind),
		harness.WithDuration(c.duration),
		harness.WithGoroutines(c.goroutines),
		harness.WithSeed(c.seed),
		harness.WithArtifacts(filepath.Join(c.out, m.name)),
		harness.WithRelaxations(c.relax...),
	}
	return append(opts, m.capacities(c.capacity)...)
}

// replay is the command that replays failure's round.
func (c stressConfig) replay(m impl, failure *stress.Failure) string {
	cmd := fmt.Sprintf("go run ./tools/pcq stress -impl %s -seed %d -duration %s -goroutines %d", m.name, failure.Seed, c.duration, c.goroutines)
	if c.capacity >= 0 {
		cmd += fmt.Sprintf(" -cap %d", c.capacity)
	}
	if len(c.relax) > 0 {
		cmd += " -relax " + harness.RelaxationNames(c.relax, ",")
	}
	return cmd
}

// showProgress redraws the progress line every half second until done.
func (c stressConfig) showProgress(p *progress, name string, i int, start time.Time, total time.Duration, done <-chan struct{}) {
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		elapsed := time.Since(start)
		p.set("%s %-9s %d/%d  %s left", bar(float64(elapsed)/float64(total), 20), name, i+1, len(c.impls), max(total-elapsed, 0).Round(time.Second))
		select {
		case <-done:
			return
		case <-tick.C:
		}
	}
}

// printStressTable writes one row per implementation.
func printStressTable(w io.Writer, rows []stressRow) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "IMPL\tOPERATIONS\tHISTORIES\tVERDICT\tTIME\tDECIDED BY, NOT EXERCISED")
	for _, r := range rows {
		verdict := "linearizable"
		if len(r.res.Relaxations) > 0 {
			verdict += " with " + linearizability.RelaxationText(r.res.Relaxations, r.res.Drops)
		}
		var failure *stress.Failure
		if errors.As(r.err, &failure) {
			verdict = "FAILED: " + failure.Check.String()
		} else if r.err != nil {
			verdict = "ERROR"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\n", r.impl, r.res.Ops, r.res.Rounds, verdict, r.elapsed.Round(100*time.Millisecond), stressNotes(r.res))
	}
	tw.Flush()
}

// stressNotes says which checkers decided and what was not exercised.
func stressNotes(res stress.Result) string {
	notes := ""
	for _, name := range slices.Sorted(maps.Keys(res.Checkers)) {
		notes += fmt.Sprintf("%s:%d ", name, res.Checkers[name])
	}
	for _, op := range slices.Sorted(maps.Keys(res.Unsupported)) {
		notes += fmt.Sprintf("unsupported %s:%d ", op, res.Unsupported[op])
	}
	for _, skipped := range res.Skipped {
		what, _, _ := strings.Cut(skipped, ":") // "capacity 0: newQueue(0) panics: ..."
		notes += "not run: " + what + " "
	}
	return notes
}
