package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// histories is where the linearizability package keeps its history files.
const histories = "../../history/testdata/histories/"

func TestCheckExitCodes(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		want []string // each must appear in stdout
	}{
		{"linearizable", []string{histories + "fifo-ok.jsonl"}, 0,
			[]string{"fifo-ok.jsonl: linearizable ("}},
		{"violation", []string{histories + "fifo-order.jsonl"}, 1,
			[]string{"fifo-order.jsonl: violation (", "line"}},
		{"fresh value", []string{histories + "fifo-fresh.jsonl"}, 1,
			[]string{"fifo-fresh.jsonl: violation (", "line 1", "line 2"}},
		{"unknown", []string{"-checker", "fast", histories + "lifo-ok.jsonl"}, 2,
			[]string{"lifo-ok.jsonl: unknown (fast"}},
		{"bad file", []string{histories + "bad-overlap.jsonl"}, 3,
			[]string{"bad-overlap.jsonl: bad file: line 3: client 0 calls get at 5, before its put on line 2 returned at 10"}},
		{"bad json", []string{histories + "bad-json.jsonl"}, 3,
			[]string{"bad-json.jsonl: bad file: line 2: invalid JSON"}},
		{"missing file", []string{histories + "no-such.jsonl"}, 3,
			[]string{"no-such.jsonl: bad file: open"}},
		{"worst wins, all checked", []string{histories + "bad-json.jsonl", histories + "fifo-order.jsonl", histories + "fifo-ok.jsonl"}, 3,
			[]string{"bad-json.jsonl: bad file", "fifo-order.jsonl: violation", "fifo-ok.jsonl: linearizable"}},
		{"violation beats unknown", []string{"-checker", "fast", histories + "lifo-ok.jsonl", histories + "fifo-order.jsonl"}, 1,
			[]string{"lifo-ok.jsonl: unknown", "fifo-order.jsonl: violation"}},
		{"-model overrides the header", []string{"-model", "lifo", histories + "fifo-order.jsonl"}, 0,
			[]string{"fifo-order.jsonl: linearizable"}},
		{"-cap overrides the header", []string{"-cap", "4", histories + "fifo-ok.jsonl"}, 1,
			[]string{"fifo-ok.jsonl: violation", "line 6"}},
		{"recorded by Python", []string{histories + "python-fifo.jsonl"}, 0,
			[]string{"python-fifo.jsonl: linearizable (", ", 240 ops, "}},
		{"porcupine", []string{"-checker", "porcupine", histories + "lifo-ok.jsonl"}, 0,
			[]string{"lifo-ok.jsonl: linearizable (porcupine"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := capture(t, append([]string{"check"}, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q", w)
				}
			}
			if t.Failed() {
				t.Logf("pcq check %v\nstdout:\n%s\nstderr:\n%s", tc.args, out, errOut)
			}
		})
	}
}

// TestCheckLine checks the verdict line: verdict, checker, operations, time.
func TestCheckLine(t *testing.T) {
	_, out, _ := capture(t, "check", histories+"fifo-ok.jsonl")
	line := regexp.MustCompile(`^\S+fifo-ok.jsonl: linearizable \((fast|porcupine|fast\+porcupine), 8 ops, [0-9.]+(ns|µs|ms|s)\)\n$`)
	if !line.MatchString(out) {
		t.Fatalf("verdict line %q does not match %v", out, line)
	}
}

func TestCheckStdin(t *testing.T) {
	data, err := os.ReadFile(histories + "fifo-order.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	old := checkStdin
	checkStdin = strings.NewReader(string(data))
	defer func() { checkStdin = old }()
	code, out, _ := capture(t, "check", "-")
	if code != 1 || !strings.HasPrefix(out, "-: violation (") {
		t.Fatalf("pcq check -: exit %d, stdout:\n%s", code, out)
	}
}

func TestCheckViz(t *testing.T) {
	dir := t.TempDir()
	viz := filepath.Join(dir, "out.html")
	code, out, errOut := capture(t, "check", "-viz", viz, histories+"fifo-order.jsonl")
	if code != 1 || !strings.Contains(out, "visualisation: "+viz) {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	assertHTML(t, viz)
	code, _, errOut = capture(t, "check", "-viz", viz, histories+"fifo-order.jsonl", histories+"fifo-ok.jsonl")
	if code != 1 {
		t.Fatalf("two files: exit %d, stderr:\n%s", code, errOut)
	}
	assertHTML(t, filepath.Join(dir, "out-fifo-order.html"))
	assertHTML(t, filepath.Join(dir, "out-fifo-ok.html"))
}

func assertHTML(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(strings.ToLower(string(data)), "<html") {
		t.Fatalf("%s: no HTML visualisation (%v)", path, err)
	}
}

// TestCheckUsageErrors checks that a bad command line exits 3, like a bad
// file, not 2 (the checker gave up).
func TestCheckUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"-checker", "magic", "x.jsonl"},
		{"-model", "deque", "x.jsonl"},
		{"-cap", "-3", "x.jsonl"},
		{"-timeout", "-1s", "x.jsonl"},
		{"-relax", "wobbly", "x.jsonl"},
		{"-nosuchflag", "x.jsonl"},
	} {
		code, _, errOut := capture(t, append([]string{"check"}, args...)...)
		if code != exitBadFile || !strings.Contains(errOut, "pcq check") {
			t.Errorf("pcq check %v: exit %d, stderr:\n%s", args, code, errOut)
		}
	}
}

func TestSignificant(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		n    int
		want time.Duration
	}{
		{2_143_999, 3, 2_140_000},
		{41_345, 3, 41_300},
		{152_345_678, 3, 152 * time.Millisecond},
		{567, 3, 567},
		{12_345_678, 4, 12_350_000},
	} {
		if got := significant(tt.d, tt.n); got != tt.want {
			t.Errorf("significant(%v, %d) = %v, want %v", tt.d, tt.n, got, tt.want)
		}
	}
}
