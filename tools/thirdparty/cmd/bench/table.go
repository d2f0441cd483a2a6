package main

import (
	"fmt"
	"os"
	"strings"
)

// sectionTitle is the heading of the section that -readme rewrites.
const sectionTitle = "Throughput against the peers"

// A row is one contestant's ratios, one per shape.
type row struct {
	contestant
	ratios []float64
}

// A table is the result of one run.
type table struct {
	config
	cpus      int
	date      string
	channelNs []float64 // the channel's median time per item, per shape
	rows      []row
}

// markdown renders the table with a line saying how it was measured.
func (t table) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Measured %s by `go run ./cmd/bench -items %d -cap %d -rounds %d` (GOMAXPROCS %d): ratio of the channel's time to the queue's, median of %d rounds, each queue run right after a channel run; above 1× the queue is faster than the channel.\n\n",
		t.date, t.items, t.capacity, t.rounds, t.cpus, t.rounds)
	b.WriteString("| queue | library | calls |")
	for _, s := range t.shapes {
		fmt.Fprintf(&b, " %v |", s)
	}
	b.WriteString("\n|---|---|---|" + strings.Repeat("---|", len(t.shapes)) + "\n")
	fmt.Fprintf(&b, "| %s | %s | %s |", channel.name, channel.library, channel.how)
	for _, ns := range t.channelNs {
		fmt.Fprintf(&b, " 1× (%.0f ns/item) |", ns)
	}
	b.WriteString("\n")
	for _, r := range t.rows {
		fmt.Fprintf(&b, "| %s | %s | %s |", r.name, r.library, r.how)
		for _, x := range r.ratios {
			fmt.Fprintf(&b, " %.2f× |", x)
		}
		b.WriteString("\n")
	}
	return b.String()
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
