package main

import (
	"fmt"
	"math"
	"os"
	"strings"
)

// sectionTitle is the heading of the section that -readme rewrites.
const sectionTitle = "Throughput against the peers"

// A row is one contestant's ratios, one per shape: of time, and of CPU
// time.
type row struct {
	contestant
	ratios, cpuRatios []float64
}

// A table is the result of one run.
type table struct {
	config
	cpus         int
	date         string
	channelNs    []float64 // the channel's median time per item, per shape
	channelCPUNs []float64 // the same in CPU time (0: not read)
	rows         []row
}

// markdown renders the two tables, time and CPU time, each with a line
// saying how it was measured.
func (t table) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Measured %s by `go run ./cmd/bench -items %d -cap %d -rounds %d` (GOMAXPROCS %d): ratio of the channel's time to the queue's, median of %d rounds, each queue run right after a channel run; above 1× the queue is faster than the channel.\n\n",
		t.date, t.items, t.capacity, t.rounds, t.cpus, t.rounds)
	t.grid(&b, "ns/item", t.channelNs, func(r row) []float64 { return r.ratios })
	b.WriteString("\nThe same rounds in CPU time (user and system, of the whole process, the runtime's included): ratio of the channel's CPU time to the queue's; above 1× the queue does less work per item than the channel. Unlike time, CPU time barely depends on what else runs on the machine, but a queue that sleeps where another spins uses less of it for the same throughput.\n\n")
	t.grid(&b, "CPU ns/item", t.channelCPUNs, func(r row) []float64 { return r.cpuRatios })
	return b.String()
}

// grid writes one table: the channel's row (its own cost per item, in
// unit) and a ratio per shape for every contestant.
func (t table) grid(b *strings.Builder, unit string, channelNs []float64, ratios func(row) []float64) {
	b.WriteString("| queue | library | calls |")
	for _, s := range t.shapes {
		fmt.Fprintf(b, " %v |", s)
	}
	b.WriteString("\n|---|---|---|" + strings.Repeat("---|", len(t.shapes)) + "\n")
	fmt.Fprintf(b, "| %s | %s | %s |", channel.name, channel.library, channel.how)
	for _, ns := range channelNs {
		fmt.Fprintf(b, " 1× (%.0f %s) |", ns, unit)
	}
	b.WriteString("\n")
	for _, r := range t.rows {
		fmt.Fprintf(b, "| %s | %s | %s |", r.name, r.library, r.how)
		for _, x := range ratios(r) {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				b.WriteString(" — |")
				continue
			}
			fmt.Fprintf(b, " %.2f× |", x)
		}
		b.WriteString("\n")
	}
}

// writeSection writes body into the section sectionTitle of the markdown
// file path: in place of the previous table (from its line "Measured ..."
// on), after the introduction written by hand, or as a new section at the
// end.
func writeSection(path, body string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	s := string(data)
	heading := "## " + sectionTitle + "\n"
	start := strings.Index(s, heading)
	if start < 0 {
		s = strings.TrimRight(s, "\n") + "\n\n" + heading + "\n" + body
		return os.WriteFile(path, []byte(s), 0o644)
	}
	from := start + len(heading)
	end := len(s)
	if next := strings.Index(s[from:], "\n## "); next >= 0 {
		end = from + next + 1
	}
	section := s[from:end]
	keep := strings.TrimRight(section, "\n") + "\n\n" // an introduction without a table yet
	if i := strings.Index(section, "Measured "); i >= 0 {
		keep = section[:i]
	}
	after := s[end:]
	if after != "" {
		body += "\n"
	}
	s = s[:from] + keep + body + after
	return os.WriteFile(path, []byte(s), 0o644)
}
