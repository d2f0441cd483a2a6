package main

import (
	"context"
	"crypto/sha1"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"
)

// runSeedsExport writes each chosen target's testdata/fuzz corpus as
// libFuzzer inputs into c.seedsTo/<Target>/ (named, as libFuzzer names
// its corpus files, by their SHA-1), prints a table and returns the exit
// code. Two targets of one name would share a folder: that is an error,
// as it is for OSS-Fuzz, whose fuzzers are named by their targets.
func (c fuzzConfig) runSeedsExport(ctx context.Context, out, errw io.Writer) int {
	targets, err := findFuzzTargets(ctx, c.dir, c.patterns, c.match)
	if err != nil {
		fmt.Fprintf(errw, "pcq fuzz -libfuzzer-seeds: %v\n", err)
		return 1
	}
	seen := make(map[string]fuzzTarget)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TARGET\tCORPUS\tSEEDS\tNOT EXPRESSIBLE")
	for _, t := range targets {
		if other, dup := seen[t.name]; dup {
			fmt.Fprintf(errw, "pcq fuzz -libfuzzer-seeds: %s and %s have the same name\n", other, t)
			return 1
		}
		seen[t.name] = t
		found, written, skipped, err := exportSeeds(t, filepath.Join(c.seedsTo, t.name))
		if err != nil {
			fmt.Fprintf(errw, "pcq fuzz -libfuzzer-seeds: %s: %v\n", t, err)
			return 1
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\n", t, found, written, skipped)
	}
	tw.Flush()
	return 0
}

// exportSeeds writes t's corpus files as libFuzzer inputs into dir; an
// entry that no libFuzzer input decodes into (an empty last []byte) is
// skipped.
func exportSeeds(t fuzzTarget, dir string) (found, written, skipped int, err error) {
	files, err := filepath.Glob(filepath.Join(t.dir, "testdata", "fuzz", t.name, "*"))
	if err != nil || len(files) == 0 {
		return 0, 0, 0, err
	}
	kinds, err := fuzzParams(t)
	if err != nil {
		return 0, 0, 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, 0, err
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			return found, written, skipped, err
		}
		found++
		vals, err := unmarshalCorpus(data)
		if err != nil {
			return found, written, skipped, fmt.Errorf("%s: %w", path, err)
		}
		raw, ok := encodeLibFuzzer(vals, kinds)
		if !ok {
			skipped++
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%x", sha1.Sum(raw))), raw, 0o644); err != nil {
			return found, written, skipped, err
		}
		written++
	}
	return found, written, skipped, nil
}
