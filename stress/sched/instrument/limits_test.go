package instrument

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLimitsReported: cgo, assembly, go:linkname and go statements are each
// reported with their file:line; the cgo file is not rewritten.
func TestLimitsReported(t *testing.T) {
	t.Setenv("CGO_ENABLED", "1") // go list reports cgo files only then; nothing is compiled
	res, err := Overlay(t.TempDir(), "./testdata/limits")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range res.Limits {
		got = append(got, filepath.Base(l.File)+":"+strings.TrimPrefix(l.String(), l.File+":"))
	}
	want := []string{
		`linkname.go:5: go:linkname: //go:linkname nanotime runtime.nanotime`,
		`spawn.go:24: go statement: go use(pair())`,
		`cgo.go:4: cgo: import "C"`,
		`asm.s: assembly: assembly file`,
	}
	if !slices.Equal(got, want) {
		t.Fatalf("limits:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for orig := range res.Replace {
		if filepath.Base(orig) == "cgo.go" {
			t.Error("the cgo file was rewritten")
		}
	}
}

// TestGoschedRewrite: runtime.Gosched becomes the scheduler's under a name
// no identifier of the package takes, a shadowing local is left alone,
// runtime stays used, and the program builds, runs and panics at its
// original file:line.
func TestGoschedRewrite(t *testing.T) {
	res, err := Overlay(t.TempDir(), "./testdata/yield")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := filepath.Abs("testdata/yield")
	if err != nil {
		t.Fatal(err)
	}
	wantChanged := map[string][]string{
		"main.go": {
			`import "runtime"; import pcqsched2 "github.com/pcqkit/pcq/stress/sched"`,
			"\tpcqsched2.Gosched()",
			"}; var _ = runtime.Gosched",
		},
		"named.go": {
			"\trt \"runtime\"; pcqsched2 \"github.com/pcqkit/pcq/stress/sched\"",
			"\t\"github.com/pcqkit/pcq/stress/sched/sync\"",
			"\tpcqsched2.Gosched()",
		},
	}
	wantRewritten(t, dir, res, wantChanged)
	cmd := []string{"run", "-overlay", res.Overlay, "./testdata/yield"}
	out, _ := runGo(cmd...)
	if want := filepath.Join(dir, "main.go") + ":17"; !strings.Contains(out, want) {
		t.Fatalf("go %s: the panic does not cite %s:\n%s", strings.Join(cmd, " "), want, out)
	}
}
