package main

import (
	"strings"
	"testing"
)

func TestCheckRelax(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"spurious strict", []string{"testdata/relax-spurious.jsonl"}, 1, "relax-spurious.jsonl: violation ("},
		{"spurious relaxed", []string{"-relax", "spurious-try-failures", "testdata/relax-spurious.jsonl"}, 0,
			"relax-spurious.jsonl: linearizable with spurious try-failures ("},
		{"spurious under lossy", []string{"-relax", "lossy", "testdata/relax-spurious.jsonl"}, 1,
			"relax-spurious.jsonl: violation even with drops (Lossy: 0 values put were never got)"},
		{"lossy strict", []string{"testdata/relax-lossy.jsonl"}, 1, "relax-lossy.jsonl: violation ("},
		{"lossy relaxed", []string{"-relax", "lossy", "testdata/relax-lossy.jsonl"}, 0,
			"relax-lossy.jsonl: linearizable with drops (Lossy: 1 values put were never got) ("},
		{"both", []string{"-relax", "lossy,spurious-try-failures", "testdata/relax-lossy.jsonl"}, 0,
			"linearizable with spurious try-failures and drops (Lossy: 1 values put were never got)"},
		{"lossy reorder", []string{"-relax", "lossy", "testdata/relax-lossy-order.jsonl"}, 1,
			"relax-lossy-order.jsonl: violation even with drops (Lossy: 1 values put were never got)"},
		{"correct, relaxed", []string{"-relax", "spurious-try-failures", histories + "fifo-ok.jsonl"}, 0,
			"fifo-ok.jsonl: linearizable with spurious try-failures ("},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := capture(t, append([]string{"check"}, tc.args...)...)
			if code != tc.code || !strings.Contains(out, tc.want) {
				t.Errorf("pcq check %v: exit %d (want %d)\nstdout:\n%s\nstderr:\n%s\nwant %q", tc.args, code, tc.code, out, errOut, tc.want)
			}
			if len(tc.args) > 1 && strings.Contains(out, ": linearizable (") {
				t.Errorf("a relaxed check printed plain linearizable:\n%s", out)
			}
		})
	}
}

func TestCheckRelaxBadFlag(t *testing.T) {
	code, _, errOut := capture(t, "check", "-relax", "lossy,fast", "testdata/relax-lossy.jsonl")
	if code != exitBadFile || !strings.Contains(errOut, `-relax: unknown relaxation "fast"`) {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
}

func TestStressRelax(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := capture(t, "stress", "-impl", "broken:lossy", "-duration", "200ms", "-relax", "lossy", "-out", out)
	if code != 0 || !strings.Contains(stdout, "linearizable with drops (Lossy: ") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	code, stdout, _ = capture(t, "stress", "-impl", "broken:lossy", "-duration", "200ms", "-out", out)
	if code != 1 || !strings.Contains(stdout, "FAILED") {
		t.Fatalf("strict: exit %d\nstdout:\n%s", code, stdout)
	}
	if code, _, stderr := capture(t, "stress", "-relax", "fast"); code != 2 || !strings.Contains(stderr, "-relax: unknown relaxation") {
		t.Fatalf("bad -relax: exit %d, stderr:\n%s", code, stderr)
	}
}
