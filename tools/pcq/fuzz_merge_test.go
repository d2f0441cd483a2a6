package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// corpusFile writes a corpus file of one []byte value under dir/target.
func corpusFile(t *testing.T, dir, target, name, value string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, target), 0o755); err != nil {
		t.Fatal(err)
	}
	data := corpusHeader + "[]byte(" + strings.TrimSpace(quoteGo(value)) + ")\n"
	if err := os.WriteFile(filepath.Join(dir, target, name), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// quoteGo quotes s as a Go string literal.
func quoteGo(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// corpusOf lists the files of the module's testdata/fuzz/target.
func corpusOf(t *testing.T, module, target string) []string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(module, "testdata", "fuzz", target, "*"))
	return names
}

func TestFuzzMerge(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	module := copyDir(t, "testdata/fuzzplant")
	// Two machines' corpora: the same entry under different names (a copy
	// renamed by hand), one entry each of their own, a file that is not a
	// corpus file, and an entry of a target the module does not have.
	a, b := t.TempDir(), t.TempDir()
	corpusFile(t, a, "FuzzClean", "0123456789abcdef", "same")
	corpusFile(t, b, "FuzzClean", "renamed", "same")
	corpusFile(t, a, "FuzzClean", "x1", "only on a")
	corpusFile(t, b, "FuzzClean", "x2", "only on b")
	corpusFile(t, b, "FuzzGone", "x3", "no such target")
	if err := os.WriteFile(filepath.Join(b, "FuzzClean", "notes.txt"), []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := fuzzConfig{dir: module, patterns: []string{"./..."}}
	var out, errw bytes.Buffer
	if code := c.runMerge(context.Background(), []string{a, b}, &out, &errw); code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out.String(), errw.String())
	}
	t.Logf("\n%s", out.String())
	files := corpusOf(t, module, "FuzzClean")
	if len(files) != 3 {
		t.Errorf("FuzzClean's corpus: %v, want the 3 distinct entries", files)
	}
	for _, f := range files {
		if !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(filepath.Base(f)) {
			t.Errorf("%s is not named by its content's hash", f)
		}
	}
	for _, want := range []string{"fuzzplant.FuzzClean  4      3    ok", "3 new corpus file(s) written",
		"skipped 1 file(s): no fuzz target FuzzGone among the chosen (-pkg, -run) (" + filepath.Join(b, "FuzzGone", "x3") + ")",
		"skipped 1 file(s): not a Go fuzz corpus file (" + filepath.Join(b, "FuzzClean", "notes.txt") + ")"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// Merging again adds nothing: the entries are there, by content.
	out.Reset()
	if code := c.runMerge(context.Background(), []string{a, b}, &out, &errw); code != 0 || !strings.Contains(out.String(), "0 new corpus file(s)") {
		t.Errorf("second merge: exit %d\n%s", code, out.String())
	}
	if files := corpusOf(t, module, "FuzzClean"); len(files) != 3 {
		t.Errorf("after a second merge FuzzClean's corpus is %v", files)
	}
}

// TestFuzzMergeCrasher merges a crasher found on another machine: the
// target's seeds then fail, and pcq fuzz -merge says so.
func TestFuzzMergeCrasher(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	module := copyDir(t, "testdata/fuzzplant")
	a := t.TempDir()
	corpusFile(t, a, "FuzzPlanted", "c", "zebra")
	c := fuzzConfig{dir: module, patterns: []string{"./..."}, match: regexp.MustCompile("Planted")}
	var out, errw bytes.Buffer
	code := c.runMerge(context.Background(), []string{a}, &out, &errw)
	if code != 1 || !strings.Contains(out.String(), "FAIL (see below)") || !strings.Contains(out.String(), "planted crasher") {
		t.Errorf("exit %d, want 1 and the failure\n%s\n%s", code, out.String(), errw.String())
	}
	if files := corpusOf(t, module, "FuzzPlanted"); len(files) != 1 {
		t.Errorf("FuzzPlanted's corpus: %v, want the crasher", files)
	}
}

// TestMergeTargetOf checks how a corpus file finds its target when
// several packages have a target of its name.
func TestMergeTargetOf(t *testing.T) {
	a := fuzzTarget{pkg: "github.com/pcqkit/pcq/history", dir: "/m/history", name: "FuzzRead"}
	b := fuzzTarget{pkg: "github.com/pcqkit/pcq/fuzz", dir: "/m/fuzz", name: "FuzzRead"}
	only := fuzzTarget{pkg: "github.com/pcqkit/pcq/fuzz", dir: "/m/fuzz", name: "FuzzOnly"}
	m := merger{targets: []fuzzTarget{b, a, only}}
	for path, want := range map[string]fuzzTarget{
		"/cache/fuzz/github.com/pcqkit/pcq/history/FuzzRead/1": a,
		"/other/clone/fuzz/testdata/fuzz/FuzzRead/1":           b,
		"/corpora/history/FuzzRead/1":                          a,
		"/clone/history/testdata/fuzz/FuzzRead/1":              a,
		"/anywhere/FuzzOnly/1":                                 only,
	} {
		got, why := m.targetOf(path, filepath.Base(filepath.Dir(path)))
		if got != want || why != "" {
			t.Errorf("%s: %v %q, want %v", path, got, why, want)
		}
	}
	if _, why := m.targetOf("/anywhere/FuzzRead/1", "FuzzRead"); !strings.Contains(why, "2 packages have a target FuzzRead") {
		t.Errorf("an ambiguous path: %q", why)
	}
}

func TestFuzzMergeUsage(t *testing.T) {
	for args, want := range map[string]string{
		"-merge":                          "-merge needs the corpus folders",
		"somedir":                         `unexpected argument "somedir" (corpus folders go with -merge)`,
		"-libfuzzer":                      "-libfuzzer goes with -merge",
		"-merge -libfuzzer-seeds seeds a": "-merge and -libfuzzer-seeds exclude each other",
	} {
		code, _, errOut := capture(t, append([]string{"fuzz"}, strings.Fields(args)...)...)
		if code != 2 || !strings.Contains(errOut, want) {
			t.Errorf("pcq fuzz %s: exit %d\n%s", args, code, errOut)
		}
	}
}
