// Command verdicts runs pcq's property, stress and fuzz harnesses over
// every adapted third-party queue (tools/thirdparty/adapters), and the
// controlled scheduler's pass (TestExplore in verdicts, for the explore column),
// and writes the verdict table. -seed and -only choose the seed and the
// libraries of the first three; the explore column is always TestExplore's
// pass over every library with seed 1, the budget that test asserts.
//
//	cd tools/thirdparty && go run ./cmd/verdicts -out testdata
//
// writes testdata/verdicts.md (the table, then each failure's report) and
// copies each failing history under testdata/histories: <library>.jsonl
// (the stress harness's failing round), <library>-fuzz.jsonl (the failing
// fuzz input) — each only when the history alone is a violation for pcq
// check — and <library>-lossy.jsonl (a history that is a violation
// even under the Lossy relaxation, projected as verdicts.LossyProjection
// says). From the repository's root, go run ./tools/pcq check FILE checks
// one.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/tools/thirdparty/adapters"
	"github.com/pcqkit/pcq/tools/thirdparty/explore"
	"github.com/pcqkit/pcq/tools/thirdparty/verdicts"
)

// maxHistory is the largest history copied into the output folder.
const maxHistory = 200 << 10

func main() {
	err := run(os.Args[1:], os.Stdout)
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "verdicts:", err)
	}
	os.Exit(exitCode(err))
}

// exitCode is the exit status of a run that returned err: 0 when it
// succeeded or only printed the help (-h), else 1.
func exitCode(err error) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 1
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("verdicts", flag.ContinueOnError)
	dir := fs.String("out", "testdata", "folder for verdicts.md and histories/")
	seed := fs.Int64("seed", 1, "seed of the property, stress and fuzz harnesses (the explore column is TestExplore's: seed 1, every library, the budget it asserts)")
	runs := fs.Int("runs", 30, "property runs per property and capacity")
	dur := fs.Duration("stress", 2*time.Second, "stress duration per library")
	inputs := fs.Int("fuzz", 20, "fuzz inputs per library")
	only := fs.String("only", "", "comma-separated library names (default all)")
	explored := fs.Bool("explore", true, "run the controlled scheduler's pass (TestExplore in ./verdicts, about 20 s) for the explore column")
	if err := fs.Parse(args); err != nil {
		return err
	}
	libs, err := pick(*only)
	if err != nil {
		return err
	}
	// go-diodes logs each set collision through the log package.
	log.SetOutput(io.Discard)
	tmp, err := os.MkdirTemp("", "pcq-verdicts-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	cfg := verdicts.Config{Seed: *seed, PropertyRuns: *runs, StressDuration: *dur, FuzzInputs: *inputs,
		Artifacts: tmp, Logf: func(f string, a ...any) { fmt.Fprintf(out, f+"\n", a...) }}
	vs, err := verdicts.RunLibraries(libs, cfg)
	if err != nil {
		return err
	}
	if *explored {
		if err := addExplore(vs, tmp, out); err != nil {
			return err
		}
	}
	return write(*dir, vs, out)
}

// addExplore runs the controlled scheduler's test (TestExplore, in a test
// binary built with the overlay), which writes its outcomes under tmp, and
// puts each library's outcome in its verdict.
func addExplore(vs []verdicts.Verdict, tmp string, out io.Writer) error {
	path := filepath.Join(tmp, "explore.json")
	cmd := exec.Command("go", "test", "-count=1", "-run", "^TestExplore$", "./verdicts")
	cmd.Env = append(os.Environ(), explore.OutEnv+"="+path)
	if data, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go test -run TestExplore ./verdicts: %v\n%s", err, data)
	}
	outcomes, err := explore.ReadOutcomes(path)
	if err != nil {
		return err
	}
	for i := range vs {
		for j := range outcomes {
			if outcomes[j].Library == vs[i].Library.Name {
				vs[i].Explore = &outcomes[j]
				fmt.Fprintf(out, "%s: explore: %s\n", outcomes[j].Library, outcomes[j].Cell())
			}
		}
	}
	return nil
}

// pick returns the libraries named in only (all when empty).
func pick(only string) ([]adapters.Library, error) {
	if only == "" {
		return adapters.All(), nil
	}
	var libs []adapters.Library
	for _, name := range strings.Split(only, ",") {
		l, ok := adapters.Lookup(name)
		if !ok {
			return nil, fmt.Errorf("no library %q", name)
		}
		libs = append(libs, l)
	}
	return libs, nil
}

// write copies the failing histories and writes verdicts.md.
func write(dir string, vs []verdicts.Verdict, out io.Writer) error {
	hdir := filepath.Join(dir, "histories")
	if err := os.RemoveAll(hdir); err != nil { // the histories of an earlier run
		return err
	}
	if err := os.MkdirAll(hdir, 0o755); err != nil {
		return err
	}
	saved := map[string]string{} // source path -> saved path
	for _, v := range vs {
		for _, o := range v.Outcomes() {
			if strings.HasPrefix(o.HistoryVerdict, "violation") {
				copyHistory(saved, o.History, filepath.Join(hdir, v.Library.Name+suffix(o.Harness)+".jsonl"), out)
			}
			if o.Lossy != nil && o.Lossy.History != "" {
				copyHistory(saved, o.Lossy.History, filepath.Join(hdir, v.Library.Name+"-lossy.jsonl"), out)
			}
		}
	}
	var b bytes.Buffer
	if err := verdicts.WriteTable(&b, vs); err != nil {
		return err
	}
	b.WriteString("\n")
	wd, _ := os.Getwd()
	rel := func(p string) string { // as seen from the repository's root
		s := saved[p]
		if s == "" {
			return ""
		}
		if r, err := filepath.Rel(wd, s); err == nil {
			s = r
		}
		return filepath.ToSlash(filepath.Join("tools/thirdparty", s))
	}
	err := verdicts.WriteDetails(&b, vs, func(_ verdicts.Verdict, o verdicts.Outcome) string { return rel(o.History) },
		func(lv *verdicts.LossyVerdict) string { return rel(lv.History) })
	if err != nil {
		return err
	}
	if err := verdicts.WriteExploreDetails(&b, vs); err != nil {
		return err
	}
	_, _ = out.Write(b.Bytes())
	return os.WriteFile(filepath.Join(dir, "verdicts.md"), b.Bytes(), 0o644)
}

// suffix tells the history files of the harnesses apart: "" for stress,
// "-fuzz" for fuzz.
func suffix(h harness.Harness) string {
	if h == harness.Stress {
		return ""
	}
	return "-" + string(h)
}

// copyHistory copies src to dst (src "" or too large: nothing), noting it
// in saved.
func copyHistory(saved map[string]string, src, dst string, out io.Writer) {
	if src == "" {
		return
	}
	data, err := os.ReadFile(src)
	if err != nil {
		fmt.Fprintf(out, "history %s not copied: %v\n", src, err)
		return
	}
	if len(data) > maxHistory {
		fmt.Fprintf(out, "history %s not copied: %d bytes, more than %d\n", src, len(data), maxHistory)
		return
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		fmt.Fprintf(out, "history %s not copied: %v\n", src, err)
		return
	}
	saved[src] = dst
}
