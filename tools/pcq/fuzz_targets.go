package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
// so that build tags and test files are seen as go test sees them: go list
// for the packages whose test files hold a func Fuzz, then one go test
// -list for them all (building only those test binaries, not vetting).
func findFuzzTargets(ctx context.Context, dir string, patterns []string, match *regexp.Regexp) ([]fuzzTarget, error) {
	pkgs, err := fuzzPackages(ctx, dir, patterns)
	if err != nil || len(pkgs) == 0 {
		return nil, err
	}
	args := []string{"test", "-vet=off", "-list", "^Fuzz"}
	dirOf := make(map[string]string, len(pkgs))
	for _, p := range pkgs {
		args = append(args, p.pkg)
		dirOf[p.pkg] = p.dir
	}
	out, err := goCommand(ctx, dir, args...)
	if err != nil {
		return nil, err
	}
	var targets []fuzzTarget
	var names []string // of the package whose "ok" line comes next
	for line := range strings.Lines(string(out)) {
		fields := strings.Fields(line)
		switch {
		case len(fields) == 1 && strings.HasPrefix(fields[0], "Fuzz"):
			names = append(names, fields[0])
		case len(fields) >= 2 && fields[0] == "ok":
			if pkgDir, listed := dirOf[fields[1]]; listed {
				for _, name := range names {
					if match == nil || match.MatchString(name) {
						targets = append(targets, fuzzTarget{pkg: fields[1], dir: pkgDir, name: name})
					}
				}
			}
			names = nil
		}
	}
	return targets, nil
}

// fuzzFuncRE finds a fuzz target's declaration in a test file.
var fuzzFuncRE = regexp.MustCompile(`(?m)^func Fuzz`)

// fuzzPackages returns the packages matching patterns (pkg and dir set)
// whose test files declare a func Fuzz.
func fuzzPackages(ctx context.Context, dir string, patterns []string) ([]fuzzTarget, error) {
	args := append([]string{"list", "-f", "{{.ImportPath}}\t{{.Dir}}\t{{join .TestGoFiles \"\\t\"}}\t{{join .XTestGoFiles \"\\t\"}}"}, patterns...)
	out, err := goCommand(ctx, dir, args...)
	if err != nil {
		return nil, err
	}
	var pkgs []fuzzTarget
	for line := range strings.Lines(string(out)) {
		fields := strings.Split(strings.TrimRight(line, "\n"), "\t")
		if len(fields) < 2 {
			continue
		}
		for _, file := range fields[2:] {
			data, err := os.ReadFile(filepath.Join(fields[1], file))
			if err == nil && file != "" && fuzzFuncRE.Match(data) {
				pkgs = append(pkgs, fuzzTarget{pkg: fields[0], dir: fields[1]})
				break
			}
		}
	}
	return pkgs, nil
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
