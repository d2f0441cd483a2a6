package explore

import (
	"os/exec"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// traceAt matches a trace line's place: "at ring.go:150 (queue.(*RingBuffer).Poll)".
var traceAt = regexp.MustCompile(`at ([^ ]+\.go):(\d+) \(([^.()]+)\.`)

// libraryLine returns the first "file.go:line (function)" of the trace
// that lies in one of the packages pkgs: a file of the package, in a
// function of the package's name. "" if none does.
func libraryLine(trace string, pkgs []string) string {
	files := packageFiles(pkgs)
	for _, line := range strings.Split(trace, "\n") {
		m := traceAt.FindStringSubmatch(line)
		if m != nil && slices.Contains(files[m[3]], m[1]) {
			return m[1] + ":" + m[2]
		}
	}
	return ""
}

// packageFiles maps the name of each package of pkgs (and the last element
// of its import path) to the base names of its Go files, as go list gives
// them.
func packageFiles(pkgs []string) map[string][]string {
	files := map[string][]string{}
	if len(pkgs) == 0 {
		return files
	}
	out, err := exec.Command("go", append([]string{"list", "-f", "{{.Name}} {{.ImportPath}}{{range .GoFiles}} {{.}}{{end}}"}, pkgs...)...).Output()
	if err != nil {
		return files
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		// A trace qualifies a function by its package's name, or by the
		// last element of its import path when they differ (go-diodes).
		files[f[0]] = append(files[f[0]], f[2:]...)
		if last := path.Base(f[1]); last != f[0] {
			files[last] = append(files[last], f[2:]...)
		}
	}
	return files
}

// scenarioCapacity matches the capacity in a scenario's first line.
var scenarioCapacity = regexp.MustCompile(`capacity=(\d+)`)

// capacityOf returns the capacity of a scenario as a failure prints it, or
// -1.
func capacityOf(scenario string) int {
	m := scenarioCapacity.FindStringSubmatch(scenario)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
