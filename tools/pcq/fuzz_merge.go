package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
)

// corpusHeader starts every file of a Go fuzz corpus.
const corpusHeader = "go test fuzz v1\n"

// mergeCount is what merging gave one target.
type mergeCount struct {
	found, added int
	failure      string // the seeds' run failed: its report
}

// merger merges fuzz corpora into the module's testdata/fuzz.
type merger struct {
	libfuzzer bool                    // the files are libFuzzer inputs
	kinds     map[fuzzTarget][]string // with libfuzzer: each target's argument types
	targets   []fuzzTarget
	counts    map[fuzzTarget]*mergeCount
	skipped   map[string][]string // files not merged, by why
}

// runMerge merges the corpus folders dirs into testdata/fuzz/<Target>/ of
// the module's targets, runs each target that gained entries once over its
// seeds, and prints a table; it returns the exit code.
func (c fuzzConfig) runMerge(ctx context.Context, dirs []string, out, errw io.Writer) int {
	targets, err := findFuzzTargets(ctx, c.dir, c.patterns, c.match)
	if err != nil {
		fmt.Fprintf(errw, "pcq fuzz -merge: %v\n", err)
		return 1
	}
	m := merger{libfuzzer: c.libfuzzer, kinds: make(map[fuzzTarget][]string), targets: targets, counts: make(map[fuzzTarget]*mergeCount), skipped: make(map[string][]string)}
	for _, t := range targets {
		m.counts[t] = &mergeCount{}
	}
	for _, dir := range dirs {
		if err := m.mergeDir(dir); err != nil {
			fmt.Fprintf(errw, "pcq fuzz -merge: %v\n", err)
			return 1
		}
	}
	code := 0
	for _, t := range targets {
		if n := m.counts[t]; n.added > 0 {
			if _, err := goCommand(ctx, t.dir, "test", "-count=1", "-run", "^"+t.name+"$", "."); err != nil {
				n.failure, code = err.Error(), 1
			}
		}
	}
	m.print(out)
	return code
}

// mergeDir merges every corpus file under dir.
func (m *merger) mergeDir(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		name := filepath.Base(filepath.Dir(path))
		if !strings.HasPrefix(name, "Fuzz") {
			return nil
		}
		t, why := m.targetOf(path, name)
		if why != "" {
			m.skip(path, why)
			return nil
		}
		data, why, err := m.entry(t, path)
		if err != nil {
			return err
		}
		if why != "" {
			m.skip(path, why)
			return nil
		}
		m.counts[t].found++
		added, err := addCorpusFile(t, data)
		if added {
			m.counts[t].added++
		}
		return err
	})
}

// entry returns the Go corpus file that the file path holds for target
// t: the file itself, or with -libfuzzer the libFuzzer input turned into
// one; why says why there is none.
func (m *merger) entry(t fuzzTarget, path string) (data []byte, why string, err error) {
	if !m.libfuzzer {
		data, err = os.ReadFile(path)
		if err == nil && !isCorpusFile(data) {
			why = "not a Go fuzz corpus file"
		}
		return data, why, err
	}
	kinds, ok := m.kinds[t]
	if !ok {
		if kinds, err = fuzzParams(t); err != nil {
			return nil, "", err
		}
		m.kinds[t] = kinds
	}
	data, ok, err = libfuzzerToCorpus(path, kinds)
	if err == nil && !ok {
		why = "too short for the target's arguments (its libFuzzer binary does not run it)"
	}
	return data, why, err
}

// skip records a file not merged.
func (m *merger) skip(path, why string) { m.skipped[why] = append(m.skipped[why], path) }

// targetOf finds the target a corpus file belongs to: the one named by
// its folder, and when several packages have a target of that name, the
// one whose package the file's path names (Go's cache keeps
// fuzz/<import path>/<Target>/, a module <package dir>/testdata/fuzz/<Target>/).
func (m *merger) targetOf(path, name string) (fuzzTarget, string) {
	var named []fuzzTarget
	for _, t := range m.targets {
		if t.name == name {
			named = append(named, t)
		}
	}
	switch len(named) {
	case 0:
		return fuzzTarget{}, "no fuzz target " + name + " among the chosen (-pkg, -run)"
	case 1:
		return named[0], ""
	}
	where := strings.TrimSuffix("/"+filepath.ToSlash(filepath.Dir(filepath.Dir(path))), "/testdata/fuzz")
	for _, t := range named {
		if strings.HasSuffix(where, "/"+t.pkg) || strings.HasSuffix(where, "/"+shortPkg(t.pkg)) {
			return t, ""
		}
	}
	return fuzzTarget{}, fmt.Sprintf("%d packages have a target %s and the path names none", len(named), name)
}

// addCorpusFile writes data into the target's testdata/fuzz folder under
// the name Go gives it (the first 16 hex digits of its SHA-256), unless a
// file there already holds it; added says whether it was new.
func addCorpusFile(t fuzzTarget, data []byte) (added bool, err error) {
	dir := filepath.Join(t.dir, "testdata", "fuzz", t.name)
	path := filepath.Join(dir, fmt.Sprintf("%x", sha256.Sum256(data))[:16])
	if _, err := os.Stat(path); err == nil {
		return false, nil
	}
	if same, err := holdsContent(dir, data); same || err != nil {
		return false, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, err
	}
	return true, os.WriteFile(path, data, 0o644)
}

// holdsContent reports whether a file of dir (which may not exist) holds
// exactly data, whatever its name.
func holdsContent(dir string, data []byte) (bool, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	for _, e := range entries {
		if info, err := e.Info(); err != nil || !e.Type().IsRegular() || info.Size() != int64(len(data)) {
			continue
		}
		if old, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && bytes.Equal(old, data) {
			return true, nil
		}
	}
	return false, nil
}

// print writes the table of targets that were found in the corpora, then
// the files skipped and the failures.
func (m *merger) print(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TARGET\tFOUND\tNEW\tSEEDS")
	total := 0
	for _, t := range m.targets {
		n := m.counts[t]
		if n.found == 0 {
			continue
		}
		seeds := "not run (nothing new)"
		switch {
		case n.failure != "":
			seeds = "FAIL (see below)"
		case n.added > 0:
			seeds = "ok"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", t, n.found, n.added, seeds)
		total += n.added
	}
	tw.Flush()
	fmt.Fprintf(w, "%d new corpus file(s) written\n", total)
	for _, why := range slices.Sorted(maps.Keys(m.skipped)) {
		paths := m.skipped[why]
		fmt.Fprintf(w, "skipped %d file(s): %s (%s", len(paths), why, paths[0])
		if len(paths) > 1 {
			fmt.Fprintf(w, ", ...")
		}
		fmt.Fprintln(w, ")")
	}
	for _, t := range m.targets {
		if f := m.counts[t].failure; f != "" {
			fmt.Fprintf(w, "\n--- %s fails on its merged seeds (a crasher from another machine?):\n%s\n", t, f)
		}
	}
}
