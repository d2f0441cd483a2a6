package main

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestBenchTableAndPlot(t *testing.T) {
	dir := t.TempDir()
	c, code, ok := parseBench([]string{"-impl", "ring,linked", "-producers", "1,2", "-consumers", "2,1", "-duration", "50ms", "-cap", "64", "-out", dir})
	if !ok {
		t.Fatalf("parse failed with code %d", code)
	}
	var out, errw bytes.Buffer
	if code := c.run(&out, &errw); code != 0 {
		t.Fatalf("exit %d: %s", code, errw.String())
	}
	table := out.String()
	for _, row := range []string{"channel  1P2C", "ring  1P2C", "linked  1P2C", "channel  2P1C", "ring  2P1C", "linked  2P1C"} {
		re := regexp.MustCompile(regexp.QuoteMeta(strings.Fields(row)[0]) + `\s+` + strings.Fields(row)[1] + `\s+[0-9.e+]+\s+[0-9.]+x\s`)
		if !re.MatchString(table) {
			t.Errorf("no row %q with a rate and a ratio in:\n%s", row, table)
		}
	}
	if !regexp.MustCompile(`channel\s+1P2C\s+\S+\s+1\.00x`).MatchString(table) {
		t.Errorf("the channel's ratio to itself is not 1.00x:\n%s", table)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "bench.csv"))
	if err != nil || strings.Count(string(csv), "\n") != 7 {
		t.Errorf("bench.csv: %v\n%s", err, csv)
	}
	svg, err := os.ReadFile(filepath.Join(dir, "bench.svg"))
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(svg, new(struct{ XMLName xml.Name })); err != nil {
		t.Errorf("bench.svg is not well-formed XML: %v", err)
	}
	if n := strings.Count(string(svg), "<title>"); n != 6 {
		t.Errorf("bench.svg has %d bars, want 6", n)
	}
}

func TestMeasureCountsAndPercentiles(t *testing.T) {
	r := measure(chanEndpoint(16), 2, 2, 50*time.Millisecond)
	if r.items <= 0 || r.window < 50*time.Millisecond {
		t.Fatalf("measured %d items in %s", r.items, r.window)
	}
	if !(0 <= r.p50 && r.p50 <= r.p99 && r.p99 <= r.p999) {
		t.Errorf("percentiles out of order: p50 %s p99 %s p99.9 %s", r.p50, r.p99, r.p999)
	}
}

func TestParseBenchErrors(t *testing.T) {
	for _, args := range [][]string{
		{"-impl", "nope"},
		{"-producers", "1,x"},
		{"-producers", "1,4", "-consumers", "1"},
		{"-cap", "0"},
		{"-duration", "0s"},
	} {
		if _, code, ok := parseBench(args); ok || code != 2 {
			t.Errorf("%v: accepted (code %d)", args, code)
		}
	}
}
