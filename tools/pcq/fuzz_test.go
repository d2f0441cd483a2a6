package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// copyDir copies the files of src (one level) into a new temporary folder.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func TestFuzzFindsPlantedCrasher(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	dir := copyDir(t, "testdata/fuzzplant")
	c := fuzzConfig{budget: 8 * time.Second, rounds: 1, parallel: 1, dir: dir, patterns: []string{"./..."}}
	var out, errw bytes.Buffer
	code := c.run(context.Background(), &out, &errw)
	t.Logf("output:\n%s\nstderr:\n%s", out.String(), errw.String())
	if code != 1 {
		t.Fatalf("exit code %d, want 1 (a crasher)", code)
	}
	table := out.String()
	if !regexp.MustCompile(`fuzzplant\.FuzzPlanted\s+\d+\s+\d+\s+\S+\s+1: testdata/fuzz/FuzzPlanted/[0-9a-f]+`).MatchString(table) {
		t.Errorf("table does not report FuzzPlanted's crasher file")
	}
	// No crasher; a round that go.dev/issue/75804 cut short (it happens
	// when the first build was slow: a cold build cache) says so.
	if !regexp.MustCompile(`fuzzplant\.FuzzClean\s+[1-9]\d*\s+\d+\s+\S+\s+0( \(1 round\(s\) cut short by go\.dev/issue/75804, not a crash\))?\n`).MatchString(table) {
		t.Errorf("table does not report FuzzClean with executions and no crasher")
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "testdata/fuzz/FuzzPlanted/*"))
	if len(matches) != 1 {
		t.Errorf("crasher files on disk: %v, want one", matches)
	}
}

func TestFuzzInterruptedPrintsTableSoFar(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	dir := copyDir(t, "testdata/fuzzplant")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := fuzzConfig{budget: time.Hour, rounds: 1, parallel: 1, dir: dir, patterns: []string{"./..."}, match: regexp.MustCompile("Clean")}
	// Interrupt once the progress line shows the fuzzer executing inputs.
	errw := &cancelOnMatch{re: regexp.MustCompile(`execs [1-9]`), cancel: cancel}
	var out bytes.Buffer
	done := make(chan int)
	go func() { done <- c.run(ctx, &out, errw) }()
	var code int
	select {
	case code = <-done:
	case <-time.After(3 * time.Minute):
		cancel()
		<-done
		t.Fatalf("pcq fuzz did not stop; stderr:\n%s", errw.buf.String())
	}
	if code != 0 || !strings.Contains(out.String(), "interrupted") || !regexp.MustCompile(`FuzzClean\s+[1-9]`).MatchString(out.String()) {
		t.Fatalf("exit %d, output:\n%s\nstderr:\n%s", code, out.String(), errw.buf.String())
	}
	// Go's fuzzer may write an input as failing when the interrupt stops
	// a worker: it passes on replay, so it is removed, not a crasher.
	if left, _ := filepath.Glob(filepath.Join(dir, "testdata/fuzz/FuzzClean/*")); len(left) > 0 {
		t.Fatalf("a clean target left inputs written as failing: %v\noutput:\n%s", left, out.String())
	}
}

// cancelOnMatch is a writer that calls cancel once what was written
// matches re.
type cancelOnMatch struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	re     *regexp.Regexp
	cancel func()
}

func (w *cancelOnMatch) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if w.re.Match(w.buf.Bytes()) {
		w.cancel()
	}
	return len(p), nil
}

func TestParseFuzzOutput(t *testing.T) {
	const out = `fuzz: elapsed: 0s, gathering baseline coverage: 0/3 completed
fuzz: elapsed: 0s, gathering baseline coverage: 3/3 completed, now fuzzing with 2 workers
fuzz: elapsed: 3s, execs: 1000 (333/sec), new interesting: 2 (total: 5)
fuzz: elapsed: 6s, execs: 2500 (500/sec), new interesting: 3 (total: 6)
--- FAIL: FuzzX (6.10s)
    Failing input written to testdata/fuzz/FuzzX/abc123
`
	var execs, interesting int64
	rest := parseFuzzOutput(strings.NewReader(out), func(e, n int64) { execs = e; interesting += n })
	if execs != 2500 || interesting != 3 {
		t.Errorf("execs %d, new interesting %d; want 2500, 3", execs, interesting)
	}
	if m := crasherRE.FindStringSubmatch(rest); m == nil || m[1] != "testdata/fuzz/FuzzX/abc123" {
		t.Errorf("crasher not found in %q", rest)
	}
}

func TestParseFuzzFlags(t *testing.T) {
	if _, code, ok := parseFuzz([]string{"-budget", "0"}); ok || code != 2 {
		t.Errorf("-budget 0 accepted (code %d)", code)
	}
	if _, code, ok := parseFuzz([]string{"-execs", "-1"}); ok || code != 2 {
		t.Errorf("-execs -1 accepted (code %d)", code)
	}
	if c, _, ok := parseFuzz([]string{"-execs", "300"}); !ok || c.execs != 300 {
		t.Errorf("-execs 300 parsed as %d (ok %v)", c.execs, ok)
	} else if fuzztime, _ := c.fuzztime(18); fuzztime != "300x" {
		t.Errorf("-execs 300 gives -fuzztime %s, want 300x", fuzztime)
	}
	c, _, _ := parseFuzz([]string{"-budget", "40s"})
	if fuzztime, _ := c.fuzztime(18); fuzztime != "2.2s" {
		t.Errorf("-budget 40s over 18 targets gives each -fuzztime %s, want 2.2s", fuzztime)
	}
	if _, code, ok := parseFuzz([]string{"-run", "("}); ok || code != 2 {
		t.Errorf("bad -run accepted (code %d)", code)
	}
}

func TestCoordinatorFlakeIsNotACrash(t *testing.T) {
	flake := "--- FAIL: FuzzX (30.84s)\n    context deadline exceeded\nFAIL\n"
	crash := flake + "    Failing input written to testdata/fuzz/FuzzX/abc\n"
	if !coordinatorFlake(flake) || coordinatorFlake(crash) || coordinatorFlake("--- FAIL: FuzzX\n    boom\n") {
		t.Error("coordinatorFlake misclassifies")
	}
}

// TestReplaysClean: an input written as failing is confirmed by running
// it alone: a planted crasher fails, a harmless input (what Go's fuzzer
// may write when Ctrl-C stops a worker) passes.
func TestReplaysClean(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	dir := copyDir(t, "testdata/fuzzplant")
	write := func(target, name, input string) string {
		folder := filepath.Join(dir, "testdata", "fuzz", target)
		if err := os.MkdirAll(folder, 0o755); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(folder, name)
		if err := os.WriteFile(file, []byte("go test fuzz v1\n[]byte(\""+input+"\")\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return file
	}
	if !replaysClean(fuzzTarget{dir: dir, name: "FuzzClean"}, write("FuzzClean", "harmless", "z")) {
		t.Errorf("FuzzClean's input does not replay clean")
	}
	if replaysClean(fuzzTarget{dir: dir, name: "FuzzPlanted"}, write("FuzzPlanted", "crasher", "z")) {
		t.Errorf("FuzzPlanted's crasher replays clean")
	}
}

// TestFuzzRunsScheduleTargetInstrumented: a schedule target
// (fuzz.CheckSchedules) fails under a plain go test -fuzz, saying its
// queue must be built instrumented; pcq fuzz then runs it with the overlay
// and it fuzzes, with no failure.
func TestFuzzRunsScheduleTargetInstrumented(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	c := fuzzConfig{budget: 3 * time.Second, rounds: 1, parallel: 1, dir: "../..", patterns: []string{"./fuzz"}, match: regexp.MustCompile(`^FuzzSchedulesRing$`)}
	var out, errw bytes.Buffer
	code := c.run(context.Background(), &out, &errw)
	t.Logf("output:\n%s\nstderr:\n%s", out.String(), errw.String())
	if code != 0 {
		t.Fatalf("exit code %d, want 0", code)
	}
	if !regexp.MustCompile(`fuzz\.FuzzSchedulesRing\s+[1-9]\d*\s+\d+\s+\S+\s+0\n`).MatchString(out.String()) {
		t.Errorf("table does not report FuzzSchedulesRing with executions and no crasher")
	}
}

// TestNeverFuzzedRowSaysSo: a target whose -fuzztime ended during its
// baseline coverage ran no input; its row says so instead of a plain 0.
func TestNeverFuzzedRowSaysSo(t *testing.T) {
	res := fuzzResult{target: fuzzTarget{pkg: "github.com/pcqkit/pcq/x", name: "FuzzSlow"}, rounds: 1}
	report := "fuzz: elapsed: 0s, gathering baseline coverage: 0/120 completed\nfuzz: elapsed: 3s, gathering baseline coverage: 41/120 completed\nPASS\n"
	res.record(context.Background(), ".", report, nil)
	notRun := fuzzResult{target: fuzzTarget{pkg: "github.com/pcqkit/pcq/x", name: "FuzzLater"}}
	var out bytes.Buffer
	printFuzzTable(&out, []fuzzResult{res, notRun})
	if !regexp.MustCompile(`x\.FuzzSlow\s+0\s+0\s+\S+\s+none: NEVER FUZZED.*baseline coverage \(41/120 inputs\)`).MatchString(out.String()) {
		t.Errorf("the row of a target that ran no input does not say so:\n%s", out.String())
	}
	if !regexp.MustCompile(`x\.FuzzLater\s+0\s+0\s+\S+\s+not run`).MatchString(out.String()) {
		t.Errorf("the row of a target never reached does not say so:\n%s", out.String())
	}
}
