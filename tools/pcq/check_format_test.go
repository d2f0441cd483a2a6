package main

import (
	"strings"
	"testing"
)

// jepsenHistories is where the Jepsen histories of the history package are.
const jepsenHistories = "../../history/testdata/jepsen/"

func TestCheckFormat(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"jepsen ok", []string{"-format", "jepsen", jepsenHistories + "queue-ok.edn"}, 0, []string{"queue-ok.edn: linearizable (fast, 10 ops"}},
		{"auto by extension", []string{jepsenHistories + "rabbitmq-drain.edn"}, 0, []string{"rabbitmq-drain.edn: linearizable (fast, 6 ops"}},
		{"order", []string{jepsenHistories + "reordered.edn"}, 1,
			[]string{"reordered.edn: violation", "put by client 0 (line 2) before the put of 2 by client 0 (line 4)", "got by client 1 (line 6) before 1 was got by client 1 (line 8)"}},
		{"duplicate", []string{jepsenHistories + "duplicated.edn"}, 1, []string{"value 1 was got twice: by client 1 (line 7) and by client 2 (line 8)"}},
		{"lost", []string{jepsenHistories + "lost.edn"}, 1, []string{"lost.edn: violation", "(line 4)", "2 was never got"}},
		{"lost, lossy", []string{"-relax", "lossy", jepsenHistories + "lost.edn"}, 0, []string{"lost.edn: linearizable with drops (Lossy: 1 values put were never got)"}},
		{"bad", []string{jepsenHistories + "bad-unclosed.edn"}, 3, []string{"bad-unclosed.edn: bad file: line 2: a map opened here is never closed"}},
		{"pcq format forced on edn", []string{"-format", "pcq", jepsenHistories + "queue-ok.edn"}, 3, []string{"queue-ok.edn: bad file: 23 bad lines:\n  line 1: not a JSON object\n  line 2: not a JSON object"}},
		{"jepsen format forced on jsonl", []string{"-format", "jepsen", histories + "fifo-ok.jsonl"}, 3, []string{"fifo-ok.jsonl: bad file: line 1"}},
		{"pcq by default", []string{histories + "fifo-ok.jsonl"}, 0, []string{"fifo-ok.jsonl: linearizable"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := capture(t, append([]string{"check"}, tc.args...)...)
			for _, w := range tc.want {
				if code != tc.code || !strings.Contains(out, w) {
					t.Errorf("pcq check %v: exit %d (want %d)\nstdout:\n%s\nstderr:\n%s\nwant %q", tc.args, code, tc.code, out, errOut, w)
				}
			}
		})
	}
}

func TestCheckFormatBadFlag(t *testing.T) {
	code, _, errOut := capture(t, "check", "-format", "json", "x.edn")
	if code != exitBadFile || !strings.Contains(errOut, `want pcq, jepsen or auto, not "json"`) {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
}
