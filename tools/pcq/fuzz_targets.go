package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
)

// A fuzzTarget is one native fuzz target of the module.
type fuzzTarget struct {
	pkg  string // import path
	dir  string // the package's folder
	name string // FuzzXxx
}

// String returns the target as "pkg.FuzzXxx" with the module path trimmed.
func (t fuzzTarget) String() string { return shortPkg(t.pkg) + "." + t.name }

// shortPkg trims the module's own path from an import path.
func shortPkg(pkg string) string {
	if rest, ok := strings.CutPrefix(pkg, "github.com/pcqkit/pcq/"); ok {
		return rest
	}
	return pkg
}

// findFuzzTargets lists the fuzz targets of the packages matching patterns
// (in the module at dir) whose names match match. It asks the go command,
// so that build tags and test files are seen as go test sees them.
func findFuzzTargets(ctx context.Context, dir string, patterns []string, match *regexp.Regexp) ([]fuzzTarget, error) {
	args := append([]string{"list", "-f", "{{.ImportPath}} {{.Dir}}"}, patterns...)
	out, err := goCommand(ctx, dir, args...)
	if err != nil {
		return nil, err
	}
	var targets []fuzzTarget
	for line := range strings.Lines(string(out)) {
		pkg, pkgDir, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok {
			continue
		}
		names, err := listFuzz(ctx, dir, pkg)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			if match == nil || match.MatchString(name) {
				targets = append(targets, fuzzTarget{pkg: pkg, dir: pkgDir, name: name})
			}
		}
	}
	return targets, nil
}

// listFuzz returns the names of pkg's fuzz targets, from go test -list.
func listFuzz(ctx context.Context, dir, pkg string) ([]string, error) {
	out, err := goCommand(ctx, dir, "test", "-list", "^Fuzz", pkg)
	if err != nil {
		return nil, err
	}
	var names []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if name := sc.Text(); strings.HasPrefix(name, "Fuzz") && !strings.ContainsAny(name, " \t") {
			names = append(names, name)
		}
	}
	return names, nil
}

// goCommand runs the go command in dir and returns its standard output, or
// an error that includes what it printed on standard error.
func goCommand(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	var stderrBuf bytes.Buffer
	cmd.Stderr = &stderrBuf
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s: %v\n%s%s", strings.Join(args, " "), err, out, stderrBuf.Bytes())
	}
	return out, nil
}
