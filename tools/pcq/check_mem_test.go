package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseBytes(t *testing.T) {
	for s, want := range map[string]int64{"0": 0, "4096": 4096, "4096B": 4096, "512MiB": 512 << 20, "1.5GiB": 3 << 29, " 2 GiB ": 2 << 30, "1KiB": 1024} {
		if got, err := parseBytes(s); err != nil || got != want {
			t.Errorf("parseBytes(%q) = %d, %v; want %d", s, got, err, want)
		}
	}
	for _, s := range []string{"", "-1MiB", "lots", "2GB", "1e30TiB"} {
		if _, err := parseBytes(s); err == nil {
			t.Errorf("parseBytes(%q): no error", s)
		}
	}
}

// pcq check -mem: a bad size is a bad command line; a budget the search
// reaches answers unknown (exit 2) and says so; -v names the fragment the
// fast checker decided.
func TestCheckMemoryBudget(t *testing.T) {
	if code, _, errOut := capture(t, "check", "-mem", "lots", histories+"fifo-ok.jsonl"); code != exitBadFile || !strings.Contains(errOut, "-mem") {
		t.Errorf("bad -mem: exit %d, stderr %q", code, errOut)
	}
	// 12 concurrent puts, 12 concurrent gets, then a get of a value never
	// put: porcupine must try every order before it can say violation.
	file := filepath.Join(t.TempDir(), "hard.jsonl")
	var b strings.Builder
	for c := range 12 {
		fmt.Fprintf(&b, `{"client":%d,"op":"put","value":%d,"call":0,"return":100,"result":"ok"}`+"\n", c, c)
		fmt.Fprintf(&b, `{"client":%d,"op":"get","value":%d,"call":200,"return":300,"result":"ok"}`+"\n", 20+c, c)
	}
	b.WriteString(`{"client":40,"op":"get","value":99,"call":400,"return":401,"result":"ok"}` + "\n")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := capture(t, "check", "-checker", "porcupine", "-mem", "64KiB", file)
	if code != exitUnknown || !strings.Contains(out, "memory budget reached (64 KiB)") {
		t.Errorf("exit %d, stdout:\n%s", code, out)
	}
	code, out, _ = capture(t, "check", "-v", histories+"fifo-ok.jsonl")
	if code != exitLinearizable || !strings.Contains(out, "note: the fast checker decided; capacity 2 binds: a linearization found by the search over orders of the values") {
		t.Errorf("-v: exit %d, stdout:\n%s", code, out)
	}
}
