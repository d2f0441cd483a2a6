package history_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
)

// simulated writes a simulated Jepsen queue history.
func simulated(t testing.TB, c history.JepsenSimConfig) *bytes.Buffer {
	t.Helper()
	var buf bytes.Buffer
	if err := history.WriteJepsenSim(&buf, c); err != nil {
		t.Fatal(err)
	}
	return &buf
}

// readSimulated reads a simulated Jepsen queue history.
func readSimulated(t testing.TB, c history.JepsenSimConfig) history.History {
	t.Helper()
	h, err := history.ReadJepsen(simulated(t, c))
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestJepsenMillionEvents decides a simulated Jepsen history of a million
// events (one of the goals: "in seconds"). With PCQ_JEPSEN_OUT set
// it also writes the history to that file, for pcq check.
func TestJepsenMillionEvents(t *testing.T) {
	if testing.Short() || history.RaceEnabled {
		t.Skip("a million events: not in -short or -race runs")
	}
	buf := simulated(t, history.JepsenSimConfig{Seed: 7, Clients: 5, Events: 1_000_000})
	size := buf.Len()
	if out := os.Getenv("PCQ_JEPSEN_OUT"); out != "" {
		if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	h, err := history.ReadJepsen(buf)
	if err != nil {
		t.Fatal(err)
	}
	read := time.Since(start)
	r := linearizability.Check(h)
	t.Logf("1,000,000 events (%d MB) read in %v: %d operations, %s by %s in %v", size>>20, read.Round(time.Millisecond),
		len(h.Operations), r.VerdictText(), r.Checker, r.Elapsed.Round(time.Millisecond))
	if r.Verdict != linearizability.Linearizable {
		t.Fatalf("a correct queue's history: %s\n%s", r.VerdictText(), r.Explanation)
	}
}

// readJepsenFile reads a file of testdata/jepsen.
func readJepsenFile(t *testing.T, name string) history.History {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "jepsen", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h, err := history.ReadJepsen(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := history.Validate(h); err != nil {
		t.Fatalf("%s: ReadJepsen made a history Validate rejects: %v", name, err)
	}
	return h
}

// TestJepsenFiles checks the Jepsen histories of testdata/jepsen, each in
// the shape a Jepsen queue test writes: the verdict, and for a violation
// the lines of the history file its explanation names.
func TestJepsenFiles(t *testing.T) {
	for _, tc := range []struct {
		file    string
		relax   []linearizability.Relaxation
		verdict linearizability.Verdict
		lines   []string // named by the explanation
	}{
		{file: "queue-ok.edn", verdict: linearizability.Linearizable},
		{file: "rabbitmq-drain.edn", verdict: linearizability.Linearizable},
		{file: "reordered.edn", verdict: linearizability.Violation, lines: []string{"line 2", "line 4", "line 6", "line 8"}},
		{file: "lost.edn", verdict: linearizability.Violation, lines: []string{"line 4"}},
		{file: "lost.edn", relax: []linearizability.Relaxation{linearizability.Lossy}, verdict: linearizability.Linearizable},
		{file: "duplicated.edn", verdict: linearizability.Violation, lines: []string{"line 7", "line 8"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			h := readJepsenFile(t, tc.file)
			r := linearizability.Check(h, linearizability.WithRelaxations(tc.relax...))
			if r.Verdict != tc.verdict {
				t.Fatalf("%s, want %v\n%s", r.VerdictText(), tc.verdict, r.Explanation)
			}
			for _, l := range tc.lines {
				if !strings.Contains(r.Explanation, l) {
					t.Errorf("the explanation does not name %s:\n%s", l, r.Explanation)
				}
			}
			t.Logf("%s\n%s", r.VerdictText(), r.Explanation)
		})
	}
}

// TestJepsenSimulatedVerdicts checks simulated Jepsen histories: a correct
// queue's is linearizable, a lossy queue's is a violation and linearizable
// under the Lossy relaxation, and a correct queue's whose :info dequeues
// took items nobody saw is linearizable (porcupine decides those).
func TestJepsenSimulatedVerdicts(t *testing.T) {
	lossy := []linearizability.Relaxation{linearizability.Lossy}
	for _, tc := range []struct {
		name  string
		sim   history.JepsenSimConfig
		relax []linearizability.Relaxation
		want  linearizability.Verdict
	}{
		{"correct", history.JepsenSimConfig{Seed: 1, Clients: 5, Events: 5000}, nil, linearizability.Linearizable},
		{"lossy strict", history.JepsenSimConfig{Seed: 2, Clients: 5, Events: 5000, Lose: true}, nil, linearizability.Violation},
		{"lossy relaxed", history.JepsenSimConfig{Seed: 2, Clients: 5, Events: 5000, Lose: true}, lossy, linearizability.Linearizable},
		{"unknown dequeues took items", history.JepsenSimConfig{Seed: 4, Clients: 3, Events: 200, UnknownTakes: true}, nil, linearizability.Linearizable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := readSimulated(t, tc.sim)
			r := linearizability.Check(h, linearizability.WithRelaxations(tc.relax...))
			if r.Verdict != tc.want {
				t.Fatalf("%s by %s, want %v\n%s\n%s", r.VerdictText(), r.Checker, tc.want, r.Explanation, r.Note)
			}
			t.Logf("%d operations: %s by %s", len(h.Operations), r.VerdictText(), r.Checker)
		})
	}
}
