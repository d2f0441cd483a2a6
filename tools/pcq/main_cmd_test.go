package main

import (
	"bytes"
	"strings"
	"testing"
)

// capture runs pcq with args in-process and returns its exit code and
// what it wrote to stdout and stderr.
func capture(t *testing.T, args ...string) (code int, out, errOut string) {
	t.Helper()
	var o, e bytes.Buffer
	oldOut, oldErr := stdout, stderr
	stdout, stderr = &o, &e
	defer func() { stdout, stderr = oldOut, oldErr }()
	code = run(args)
	return code, o.String(), e.String()
}

func TestHelpListsCommands(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}} {
		code, out, _ := capture(t, args...)
		if code != 0 {
			t.Fatalf("pcq %v: exit %d, want 0", args, code)
		}
		for _, c := range commands {
			if !strings.Contains(out, "\n  "+c.name+" ") {
				t.Errorf("pcq %v does not list %q:\n%s", args, c.name, out)
			}
		}
	}
}

func TestNoCommandIsUsageError(t *testing.T) {
	code, _, errOut := capture(t)
	if code != 2 || !strings.Contains(errOut, "usage: pcq") {
		t.Fatalf("pcq: exit %d, stderr %q; want 2 and the usage", code, errOut)
	}
}

func TestUnknownCommand(t *testing.T) {
	code, _, errOut := capture(t, "frobnicate")
	if code != 2 || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Fatalf("pcq frobnicate: exit %d, stderr %q; want 2 and a message", code, errOut)
	}
}

// TestEverySubcommandHasHelp: pcq SUB -h and pcq help SUB print the
// subcommand's usage line and flags, and exit 0.
func TestEverySubcommandHasHelp(t *testing.T) {
	for _, c := range commands {
		for _, args := range [][]string{{c.name, "-h"}, {"help", c.name}} {
			code, _, errOut := capture(t, args...)
			if code != 0 || !strings.Contains(errOut, "usage: pcq "+c.name) || !strings.Contains(errOut, "Flags:") {
				t.Errorf("pcq %v: exit %d, stderr:\n%s", args, code, errOut)
			}
		}
	}
}

// TestEverySubcommandRejectsUnknownFlag checks the exit status of a bad
// flag: 2, except for pcq check, where 2 means "the checker gave up" and a
// bad command line exits 3, like a bad file.
func TestEverySubcommandRejectsUnknownFlag(t *testing.T) {
	for _, c := range commands {
		want := 2
		if c.name == "check" {
			want = exitBadFile
		}
		code, _, errOut := capture(t, c.name, "-no-such-flag")
		if code != want || !strings.Contains(errOut, "no-such-flag") {
			t.Errorf("pcq %s -no-such-flag: exit %d, stderr:\n%s", c.name, code, errOut)
		}
	}
}
