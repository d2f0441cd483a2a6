package instrument

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/stress/sched"
)

// RerunEnv is set, in the environment of a test re-run by [Rerun], to the
// packages instrumented, separated by spaces: a re-run that finds itself
// not instrumented fails instead of re-running again.
const RerunEnv = "PCQ_INSTRUMENTED"

// Instrumented reports whether this binary was built with the overlay of
// every one of the packages: each instrumented package carries a file the
// overlay adds, which tells the scheduler at init (sched.Instrumented).
func Instrumented(packages ...string) bool {
	for _, p := range packages {
		if !sched.Instrumented(p) {
			return false
		}
	}
	return true
}

// Rerun makes the calling test run with packages instrumented. In a binary
// built with their overlay it returns true at once, and the test goes on.
// Otherwise it writes the overlay, runs the same test again in a child `go
// test` (-overlay, the same -race, -run naming exactly this test, -count=1,
// in the current directory, which `go test` makes the package's), reports
// the child's output on t (failing t if the child failed) and returns false:
// the caller then returns at once. What the scheduler cannot control in
// the packages ([Result.Limits]) is logged on t.
//
//	func TestUnderScheduler(t *testing.T) {
//		if !instrument.Rerun(t, "github.com/pcqkit/pcq/queue") {
//			return
//		}
//		... // runs instrumented
//	}
func Rerun(t testing.TB, packages ...string) bool {
	t.Helper()
	return rerun(t, Options{}, packages)
}

// rerun is [Rerun] with the rewrite's options.
func rerun(t testing.TB, opts Options, packages []string) bool {
	t.Helper()
	if Instrumented(packages...) {
		return true
	}
	if os.Getenv(RerunEnv) != "" {
		t.Fatalf("instrument: a re-run test asked for %v, but the binary was built with the overlay of %q only", packages, os.Getenv(RerunEnv))
	}
	res, err := OverlayWith(t.TempDir(), opts, packages...)
	if err != nil {
		t.Fatalf("%v", err)
	}
	logLimits(t, res)
	_, bench := t.(*testing.B)
	out, err := rerunCmd(t.Name(), bench, res).CombinedOutput()
	if err != nil {
		t.Fatalf("instrument: the re-run of %s with %s instrumented failed (%v):\n%s", t.Name(), strings.Join(res.Packages, " "), err, out)
	}
	if bench {
		os.Stdout.Write(out) // a benchmark's lines, where go test prints them
	} else if testing.Verbose() {
		t.Logf("re-run with %s instrumented:\n%s", strings.Join(res.Packages, " "), bytes.TrimSpace(out))
	}
	return false
}

// rerunCmd is the child `go test` that runs test (a benchmark when bench)
// with res's overlay.
func rerunCmd(test string, bench bool, res *Result) *exec.Cmd {
	args := []string{"test", "-overlay", res.Overlay, "-count=1", "-timeout=15m", "-run", RunPattern(test)}
	if bench {
		args = append(args[:len(args)-2], "-run", "^$", "-bench", RunPattern(test), "-benchtime", flagValue("test.benchtime", "1s"))
		if flagValue("test.benchmem", "false") == "true" {
			args = append(args, "-benchmem")
		}
	}
	if res.Modfile != "" {
		args = append(args, "-modfile", res.Modfile)
	}
	if raceEnabled {
		args = append(args, "-race")
	}
	if testing.Verbose() {
		args = append(args, "-v")
	}
	cmd := exec.Command("go", append(args, ".")...)
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s", RerunEnv, strings.Join(res.Packages, " ")))
	return cmd
}

// RunPattern is the -run pattern that selects exactly the test (or
// subtest) named name: "TestX/sub" is "^TestX$/^sub$".
func RunPattern(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return strings.Join(parts, "/")
}

// flagValue returns the value of the test binary's flag name, or def.
func flagValue(name, def string) string {
	if f := flag.Lookup(name); f != nil {
		return f.Value.String()
	}
	return def
}

// logLimits logs what the scheduler cannot control in the packages
// instrumented, each with its file:line, so that no schedule is taken for
// one it did not control.
func logLimits(t testing.TB, res *Result) {
	t.Helper()
	if len(res.Limits) == 0 {
		return
	}
	lines := make([]string, len(res.Limits))
	for i, l := range res.Limits {
		lines[i] = "\t" + l.String()
	}
	t.Logf("instrument: what the scheduler cannot control in %s:\n%s", strings.Join(res.Packages, " "), strings.Join(lines, "\n"))
}
