package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestExplore runs pcq explore as a user would: a correct queue passes, a
// broken one fails with a replay command that fails the same way, and bad
// flags are usage errors. (Each run builds the instrumented test binary:
// a few seconds, cached after the first.)
func TestExplore(t *testing.T) {
	if os.Getenv(exploreArgsEnv) != "" {
		t.Skip("inside a campaign")
	}
	out := t.TempDir()
	code, stdout, stderr := capture(t, "explore", "-impl", "ring", "-schedules", "50", "-seed", "1", "-out", out)
	if code != 0 || !regexp.MustCompile(`(?m)^ring +50 +50 +50 +passed`).MatchString(stdout) {
		t.Fatalf("explore ring: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = capture(t, "explore", "-impl", "broken:get-twice", "-seed", "1", "-out", out)
	m := regexp.MustCompile(`replay \(the same schedule, exactly\): go run ./tools/pcq explore -impl broken:get-twice -replay '([^']+)'`).FindStringSubmatch(stdout)
	if code != 1 || !strings.Contains(stdout, "FAILED: conservation") || m == nil {
		t.Fatalf("explore broken:get-twice: exit %d, want 1, a conservation failure and a replay command\n%s%s", code, stdout, stderr)
	}
	at := regexp.MustCompile(`FAILED: conservation \(schedule (\d+)\)`).FindStringSubmatch(stdout)
	if at == nil {
		t.Fatalf("explore broken:get-twice: no schedule number in the table\n%s", stdout)
	}
	report, err := os.ReadFile(filepath.Join(out, "broken:get-twice", "explore-seed1-schedule"+at[1], "report.txt"))
	if err != nil || !strings.Contains(string(report), m[1]) {
		t.Fatalf("the report file lacks the replay command (%v):\n%s", err, report)
	}
	code, replayed, _ := capture(t, "explore", "-impl", "broken:get-twice", "-replay", m[1], "-out", out)
	if code != 1 || !strings.Contains(replayed, "FAILED: conservation (schedule 0)") || !strings.Contains(replayed, "explore: replaying one schedule of broken:get-twice: "+m[1]) {
		t.Fatalf("the replay: exit %d\n%s", code, replayed)
	}
	if got, _ := filepath.Glob(filepath.Join(out, "broken:get-twice", "explore-replay-*", "report.txt")); len(got) != 1 {
		t.Fatalf("the replay's artifacts: %v, want one explore-replay-* folder (not named after a seed it did not use)", got)
	}
	for _, bad := range [][]string{{"-strategy", "dfs:x"}, {"-goroutines", "1"}, {"-replay", "x1/c1=put/s1:0:", "-impl", "ring,locked"}, {"extra"},
		{"-scenario", "c2=put,bogus"}, {"-scenario", "c2=put,get~", "-cap", "1"}, {"-scenario", "c2=put,get~", "-impl", "linked"}} {
		if code, _, _ := capture(t, append([]string{"explore"}, bad...)...); code != 2 {
			t.Errorf("explore %v: exit %d, want 2", bad, code)
		}
	}
}

// TestExploreFuzzInstrumentsTheTarget: pcq explore -fuzz builds the
// target's package, those of -instrument and the kit's queues
// instrumented (a user's own queue is in the target's package or in
// -instrument).
func TestExploreFuzzInstrumentsTheTarget(t *testing.T) {
	c, _, ok := parseExplore([]string{"-fuzz", "FuzzMine", "-instrument", "example.com/a,example.com/b", "./mine"})
	if !ok {
		t.Fatal("parseExplore refused a valid -fuzz command line")
	}
	if c.fuzzPkg != "./mine" || !slices.Equal(c.instrument, []string{"example.com/a", "example.com/b"}) {
		t.Fatalf("fuzzPkg %q, instrument %q; want ./mine and the two of -instrument", c.fuzzPkg, c.instrument)
	}
	if c, _, _ := parseExplore([]string{"-fuzz", "FuzzMine"}); c.fuzzPkg != "./fuzz" || c.instrument != nil {
		t.Fatalf("defaults: fuzzPkg %q, instrument %q; want ./fuzz and none", c.fuzzPkg, c.instrument)
	}
}

// TestOfTheKit: the kit's own packages are not instrumented as fuzz
// targets' packages; a package go list cannot find in this module is.
func TestOfTheKit(t *testing.T) {
	for pkg, want := range map[string]bool{
		"github.com/pcqkit/pcq/fuzz": true,
		"../../fuzz":                 true,
		"example.com/nowhere":        false,
	} {
		if got := ofTheKit(pkg); got != want {
			t.Errorf("ofTheKit(%q) = %v, want %v", pkg, got, want)
		}
	}
}
