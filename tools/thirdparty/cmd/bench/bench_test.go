package main

import (
	"bytes"
	"encoding/xml"
	"html"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunSmall runs every contestant on a small workload: every item put
// is got (move checks the sum), and each of the two tables (time, CPU
// time) has a row per contestant and a cell per shape.
func TestRunSmall(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-items", "2000", "-rounds", "1", "-shapes", "1,3"}, &out); err != nil {
		t.Fatal(err)
	}
	for _, c := range append(contestants(), channel) {
		line := "| " + c.name + " | " + c.library + " | " + c.how + " |"
		if n := strings.Count(out.String(), line); n != 2 {
			t.Errorf("row %q found %d times, want 2, in\n%s", line, n, out.String())
		}
	}
	if n := strings.Count(out.String(), "| 1P1C | 3P3C |"); n != 2 {
		t.Errorf("header with both shapes found %d times, want 2, in\n%s", n, out.String())
	}
}

func TestPick(t *testing.T) {
	cs, err := pick("xsync,RING")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cs {
		names = append(names, c.name)
	}
	if got, want := strings.Join(names, ","), "pcq Ring,pcq Ring,xsync MPMCQueue,Workiva RingBuffer"; got != want {
		t.Errorf("pick = %s, want %s", got, want)
	}
	if _, err := pick("nosuchqueue"); err == nil {
		t.Error("pick of an unknown name: no error")
	}
}

// TestWriteSection appends the section once; writes a first table after an
// introduction; then replaces the table, keeping the introduction and the
// sections after it.
func TestWriteSection(t *testing.T) {
	path := filepath.Join(t.TempDir(), "README.md")
	if err := os.WriteFile(path, []byte("# T\n\ntext\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeSection(path, "Measured one\n"); err != nil {
		t.Fatal(err)
	}
	want := "# T\n\ntext\n\n## " + sectionTitle + "\n\nMeasured one\n"
	if got := read(t, path); got != want {
		t.Fatalf("appended:\n%q\nwant\n%q", got, want)
	}
	introOnly := "# T\n\n## " + sectionTitle + "\n\nIntro.\n\n## Next\n\nkept\n"
	if err := os.WriteFile(path, []byte(introOnly), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeSection(path, "Measured zero\n"); err != nil {
		t.Fatal(err)
	}
	want0 := "# T\n\n## " + sectionTitle + "\n\nIntro.\n\nMeasured zero\n\n## Next\n\nkept\n"
	if got := read(t, path); got != want0 {
		t.Fatalf("first table after an introduction:\n%q\nwant\n%q", got, want0)
	}
	edited := strings.Replace(want, "\nMeasured one", "\nIntro.\n\nMeasured one", 1) + "\n## Next\n\nkept\n"
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeSection(path, "Measured two\n"); err != nil {
		t.Fatal(err)
	}
	want = "# T\n\ntext\n\n## " + sectionTitle + "\n\nIntro.\n\nMeasured two\n\n## Next\n\nkept\n"
	if got := read(t, path); got != want {
		t.Fatalf("replaced:\n%q\nwant\n%q", got, want)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestPlot draws a small run as SVG: well-formed, every contestant named
// once (the left panel only), a legend entry per shape in each panel; an
// extension no format has is refused, naming the file.
func TestPlot(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bench.svg")
	if err := run([]string{"-items", "2000", "-rounds", "1", "-shapes", "1,3", "-only", "ring,priority", "-plot", path}, new(bytes.Buffer)); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(data, new(struct{ XMLName xml.Name })); err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	svg := html.UnescapeString(string(data))
	cs, _ := pick("ring,priority")
	for _, c := range cs {
		if n := strings.Count(svg, ">"+c.name+", "+c.how+"<"); n != 1 {
			t.Errorf("contestant %q named %d times, want 1", c.name+", "+c.how, n)
		}
	}
	for _, s := range []string{">1P1C<", ">3P3C<", ">the channel (1×)<"} {
		if n := strings.Count(svg, s); n != 2 {
			t.Errorf("legend entry %s found %d times, want 2 (one a panel)", s, n)
		}
	}
	bad := filepath.Join(dir, "bench.txt")
	err = run([]string{"-items", "200", "-rounds", "1", "-shapes", "1", "-only", "ring", "-plot", bad}, new(bytes.Buffer))
	if err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("a plot to %s: err = %v, want one naming the file", bad, err)
	}
}

// TestPlotLegendRoom: a panel's axis reaches legendRoom times its longest
// bar (or the channel's 1×), whichever row holds it, so that the legend at
// the bottom right is clear of every bar; NaN ratios are left out.
func TestPlotLegendRoom(t *testing.T) {
	tb := table{config: config{shapes: []shape{{1, 1}, {4, 4}}}, rows: []row{
		{ratios: []float64{0.5, math.NaN()}},
		{ratios: []float64{0.2, 2.5}}, // the bottom row: the longest bar
	}}
	p, err := tb.panel("t", func(r row) []float64 { return r.ratios }, true)
	if err != nil {
		t.Fatal(err)
	}
	if want := 2.5 * legendRoom; p.X.Max != want {
		t.Errorf("axis ends at %g, want %g", p.X.Max, want)
	}
	tb.rows = []row{{ratios: []float64{0.3, 0.4}}}
	if p, err = tb.panel("t", func(r row) []float64 { return r.ratios }, true); err != nil {
		t.Fatal(err)
	}
	if p.X.Max != legendRoom {
		t.Errorf("bars below 1×: axis ends at %g, want %g (the channel's line)", p.X.Max, legendRoom)
	}
}
