package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

const benchDescription = `
Bench measures the throughput (items/s) and put-to-get latency percentiles
of the chosen implementations and of a buffered channel of the same
capacity, in one run, for each mix of producers and consumers. It prints a
table with each implementation's ratio to the channel, and writes the table
(bench.csv) and a plot (bench.svg) to -out. Unbounded-only implementations
(linked) run unbounded; their latency then includes the backlog.`

// benchConfig is a parsed pcq bench command line.
type benchConfig struct {
	impls                []impl
	producers, consumers []int
	capacity             int
	duration             time.Duration
	out                  string
}

func runBench(args []string) int {
	c, code, ok := parseBench(args)
	if !ok {
		return code
	}
	return c.run(stdout, stderr)
}

// parseBench parses and validates the flags of pcq bench.
func parseBench(args []string) (c benchConfig, code int, ok bool) {
	fs := newFlagSet("bench", "[-impl NAMES|all] [-producers 1,4,16] [-consumers 1,4,16] [-cap N] [-duration D] [-out DIR]", benchDescription)
	names := fs.String("impl", "all", "implementations, comma-separated: "+implNames()+", or all")
	prods := fs.String("producers", "1,4,16", "producer counts, comma-separated")
	cons := fs.String("consumers", "", "consumer counts, comma-separated, one per producer count (default: the same as -producers)")
	fs.IntVar(&c.capacity, "cap", 1024, "capacity of the bounded queues and of the channel (at least 1)")
	fs.DurationVar(&c.duration, "duration", time.Second, "how long each measurement runs")
	fs.StringVar(&c.out, "out", "", "folder for bench.csv and bench.svg (none: no files)")
	if code, ok := parseFlags(fs, args); !ok {
		return c, code, false
	}
	var err error
	if c.impls, err = parseImpls(*names); err != nil {
		return c, usageError(fs, "-impl: %v", err), false
	}
	if c.producers, err = parseCounts(*prods); err != nil {
		return c, usageError(fs, "-producers: %v", err), false
	}
	c.consumers = c.producers
	if *cons != "" {
		if c.consumers, err = parseCounts(*cons); err != nil {
			return c, usageError(fs, "-consumers: %v", err), false
		}
	}
	switch {
	case len(c.consumers) != len(c.producers):
		return c, usageError(fs, "-consumers has %d counts, -producers %d: give one consumer count per producer count", len(c.consumers), len(c.producers)), false
	case c.capacity < 1 || c.duration <= 0:
		return c, usageError(fs, "want -cap >= 1 and -duration > 0"), false
	}
	return c, 0, true
}

// parseCounts parses a comma-separated list of positive integers.
func parseCounts(s string) ([]int, error) {
	var counts []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a positive whole number", f)
		}
		counts = append(counts, n)
	}
	return counts, nil
}

// run measures every mix and implementation and reports; it returns the
// exit code.
func (c benchConfig) run(out, errw io.Writer) int {
	results := c.measureAll(errw)
	printBenchTable(out, results)
	if c.out == "" {
		return 0
	}
	if err := c.writeFiles(results); err != nil {
		fmt.Fprintf(errw, "pcq bench: %v\n", err)
		return 1
	}
	fmt.Fprintf(out, "\nwrote %s and %s\n", filepath.Join(c.out, "bench.csv"), filepath.Join(c.out, "bench.svg"))
	return 0
}

// measureAll runs the channel and then each implementation for every mix,
// showing progress on errw.
func (c benchConfig) measureAll(errw io.Writer) []benchResult {
	p := newProgress(errw)
	defer p.done()
	total := len(c.producers) * (len(c.impls) + 1)
	var results []benchResult
	for i, prods := range c.producers {
		cons := c.consumers[i]
		for j := -1; j < len(c.impls); j++ {
			name, e := "channel", chanEndpoint(c.capacity)
			if j >= 0 {
				m := c.impls[j]
				name, e = m.name, queueEndpoint(m.new(c.benchCap(m)))
			}
			p.set("%s %-9s %dP%dC  %d/%d", bar(float64(len(results))/float64(total), 20), name, prods, cons, len(results)+1, total)
			r := measure(e, prods, cons, c.duration)
			r.impl = name
			results = append(results, r)
		}
	}
	return results
}

// benchCap is the capacity m is measured at: -cap, or unbounded for an
// unbounded-only implementation.
func (c benchConfig) benchCap(m impl) int {
	if !m.bounded {
		return 0
	}
	return c.capacity
}

// printBenchTable writes the results with each one's ratio to the channel
// measured with the same mix.
func printBenchTable(w io.Writer, results []benchResult) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "IMPL\tMIX\tITEMS/S\tVS CHANNEL\tP50\tP99\tP99.9\t")
	var baseline float64
	for _, r := range results {
		if r.impl == "channel" {
			baseline = r.rate()
		}
		fmt.Fprintf(tw, "%s\t%dP%dC\t%.3g\t%.2fx\t%s\t%s\t%s\t\n", r.impl, r.producers, r.consumers,
			r.rate(), r.rate()/baseline, significant(r.p50, 4), significant(r.p99, 4), significant(r.p999, 4))
	}
	tw.Flush()
}

// writeFiles writes bench.csv and bench.svg into c.out.
func (c benchConfig) writeFiles(results []benchResult) error {
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		return err
	}
	var csv strings.Builder
	csv.WriteString("impl,producers,consumers,capacity,items_per_s,p50_ns,p99_ns,p999_ns\n")
	for _, r := range results {
		fmt.Fprintf(&csv, "%s,%d,%d,%d,%.0f,%d,%d,%d\n", r.impl, r.producers, r.consumers, c.capacity,
			r.rate(), r.p50.Nanoseconds(), r.p99.Nanoseconds(), r.p999.Nanoseconds())
	}
	if err := os.WriteFile(filepath.Join(c.out, "bench.csv"), []byte(csv.String()), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(c.out, "bench.svg"), []byte(benchSVG(results, c.capacity)), 0o644)
}
