package instrument

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestAfterFuncRewrite: context.AfterFunc becomes the scheduler's, a
// shadowing local is left alone, context stays used, and the program
// builds and runs (outside a scheduler, AfterFunc is context's).
func TestAfterFuncRewrite(t *testing.T) {
	res, err := Overlay(t.TempDir(), "./testdata/afterfunc")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := filepath.Abs("testdata/afterfunc")
	if err != nil {
		t.Fatal(err)
	}
	wantChanged := map[string][]string{
		"main.go": {
			`package main; import pcqsched "github.com/pcqkit/pcq/stress/sched"`,
			"\tpcqsched.AfterFunc(ctx, func() { ran <- \"lone\" })",
			"}; var _ = context.AfterFunc",
		},
		"named.go": {
			`package main; import pcqsched "github.com/pcqkit/pcq/stress/sched"`,
			"\tstop := pcqsched.AfterFunc(ctx, func() { ran <- \"named\" })",
			"}; var _ = cx.AfterFunc",
		},
	}
	wantRewritten(t, dir, res, wantChanged)
	cmd := []string{"run", "-overlay", res.Overlay, "./testdata/afterfunc"}
	out, err := runGo(cmd...)
	if err != nil || !strings.Contains(out, "true true") {
		t.Fatalf("go %s: %v:\n%s", strings.Join(cmd, " "), err, out)
	}
}
