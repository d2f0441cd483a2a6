// Command bench measures pcq's queues and the fastest third-party Go queues
// on one workload, side by side with a buffered channel, and prints each
// one's throughput as a ratio to the channel's.
//
//	cd tools/thirdparty && go run ./cmd/bench -readme README.md
//
// The workload: -items items (default 2^20) go from P producers to C
// consumers (1P1C, 4P4C, 16P16C by default), each goroutine moving a fixed
// share, through a fresh queue of capacity -cap (default 1024; the
// unbounded queues ignore it). Queues with blocking calls are driven with
// them; the others with their non-blocking calls and runtime.Gosched after
// each failure. Each measurement of a queue comes right after one of the
// channel, and a cell is the median over -rounds rounds of the channel's
// time divided by the queue's: above 1, the queue is faster than the
// channel. With -readme FILE, the table replaces the section "Throughput
// against the peers" of FILE (or is appended as that section); with
// -plot FILE (.svg, .png, .pdf), both tables are drawn there as bars.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

func main() {
	err := run(os.Args[1:], os.Stdout)
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "bench:", err)
	}
	os.Exit(exitCode(err))
}

// exitCode is the exit status of a run that returned err: 0 when it
// succeeded or only printed the help (-h), else 1.
func exitCode(err error) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 1
}

// config is a parsed command line.
type config struct {
	items, capacity, rounds int
	shapes                  []shape
	only                    string
	readme                  string
	plot                    string
}

func run(args []string, out io.Writer) error {
	c, err := parse(args)
	if err != nil {
		return err
	}
	cs, err := pick(c.only)
	if err != nil {
		return err
	}
	t, err := measureAll(c, cs, out)
	if err != nil {
		return err
	}
	md := t.markdown()
	fmt.Fprint(out, md)
	if c.readme != "" {
		if err := writeSection(c.readme, md); err != nil {
			return err
		}
	}
	if c.plot == "" {
		return nil
	}
	return t.writePlot(c.plot)
}

func parse(args []string) (config, error) {
	var c config
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.IntVar(&c.items, "items", 1<<20, "items moved per measurement")
	fs.IntVar(&c.capacity, "cap", 1024, "capacity of the bounded queues and of the channel")
	fs.IntVar(&c.rounds, "rounds", 5, "rounds per cell (the median is kept)")
	shapes := fs.String("shapes", "1,4,16", "producer counts, comma-separated (as many consumers)")
	fs.StringVar(&c.only, "only", "", "contestants whose name contains one of these, comma-separated (default all)")
	fs.StringVar(&c.plot, "plot", "", "file that receives the plot of both tables, in the format its extension names (svg, png, pdf)")
	fs.StringVar(&c.readme, "readme", "", "markdown file whose section "+strconv.Quote(sectionTitle)+" receives the table")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.plot != "" {
		if _, err := newPlotCanvas(c.plot, 1, 1); err != nil {
			return c, err
		}
	}
	if c.items < 1 || c.capacity < 1 || c.rounds < 1 {
		return c, fmt.Errorf("-items, -cap and -rounds must be at least 1")
	}
	for f := range strings.SplitSeq(*shapes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return c, fmt.Errorf("-shapes: %q is not a positive count", f)
		}
		c.shapes = append(c.shapes, shape{n, n})
	}
	return c, nil
}

// pick returns the contestants whose name contains one of the
// comma-separated words of only, or all of them.
func pick(only string) ([]contestant, error) {
	all := contestants()
	if only == "" {
		return all, nil
	}
	var out []contestant
	for _, c := range all {
		for w := range strings.SplitSeq(only, ",") {
			if w != "" && strings.Contains(strings.ToLower(c.name), strings.ToLower(w)) {
				out = append(out, c)
				break
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("-only %q matches no contestant", only)
	}
	return out, nil
}

// measureAll measures every contestant in every shape, logging progress
// to log.
func measureAll(c config, cs []contestant, log io.Writer) (table, error) {
	t := table{config: c, cpus: runtime.GOMAXPROCS(0), date: time.Now().UTC().Format("2006-01-02")}
	wall := make([][]time.Duration, len(c.shapes))
	cpu := make([][]time.Duration, len(c.shapes))
	for _, k := range cs {
		row := row{contestant: k}
		for i, s := range c.shapes {
			p, err := pairs(k, s, c.items, c.capacity, c.rounds)
			if err != nil {
				return t, err
			}
			row.ratios = append(row.ratios, median(p.ratios))
			row.cpuRatios = append(row.cpuRatios, median(p.cpuRatios))
			for _, b := range p.base {
				wall[i] = append(wall[i], b.wall)
				cpu[i] = append(cpu[i], b.cpu)
			}
			fmt.Fprintf(log, "%-32s %-24s %-7v %.2f× (CPU %.2f×)\n", k.name, k.how, s, median(p.ratios), median(p.cpuRatios))
		}
		t.rows = append(t.rows, row)
	}
	for i := range c.shapes {
		t.channelNs = append(t.channelNs, float64(median(wall[i]).Nanoseconds())/float64(c.items))
		t.channelCPUNs = append(t.channelCPUNs, float64(median(cpu[i]).Nanoseconds())/float64(c.items))
	}
	return t, nil
}
