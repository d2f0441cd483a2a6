package main

import (
	"bytes"
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
