package linearizability

import (
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

func TestCheckDispatch(t *testing.T) {
	plain := pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcPut(2), pcOK, 2, 3), pcOp(1, pcGet, pcGot(2), 4, 5))
	joined := pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(1, pcGet, pcGot(1), 2, 3), pcOp(2, pcJoin, pcOK, 4, 5))
	cases := []struct {
		name    string
		h       history.History
		opts    []Option
		verdict Verdict
		checker string
		note    string // a part of Note or Explanation
	}{
		{"auto decides plain fifo fast", plain, nil, Violation, "fast", "the fast checker decided"},
		{"auto hands join to porcupine", joined, nil, Violation, "porcupine", "the fast checker cannot decide this history ("},
		{"porcupine chosen", plain, []Option{WithChecker(Porcupine)}, Violation, "porcupine", ""},
		{"fast chosen", plain, []Option{WithChecker(Fast)}, Violation, "fast", ""},
		{"fast cannot decide join", joined, []Option{WithChecker(Fast)}, Unknown, "fast", "the fast checker cannot decide this history: "},
		{"unknown checker", plain, []Option{WithChecker(Checker(9))}, Unknown, "", "unknown checker Checker(9)"},
		{"auto decides lifo fast", pcHistory(models.LIFO, 0, plain.Operations...), nil, Linearizable, "fast", "the fast checker decided; stack"},
		{"auto hands lifo with join to porcupine", pcHistory(models.LIFO, 0, joined.Operations...), nil, Violation, "porcupine", "porcupine decided"},
		{"auto decides priority fast", pcHistory(models.Priority, 0, plain.Operations...), nil, Violation, "fast", "the fast checker decided; priority queue"},
		{"auto hands priority with join to porcupine", pcHistory(models.Priority, 0, joined.Operations...), nil, Violation, "porcupine", "porcupine decided"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Check(c.h, append(c.opts, WithTimeout(10*time.Second))...)
			if r.Verdict != c.verdict || r.Checker != c.checker {
				t.Fatalf("got %v, want %v by %q", r, c.verdict, c.checker)
			}
			if !strings.Contains(r.Note+"|"+r.Explanation, c.note) {
				t.Fatalf("note %q, explanation %q: want %q in one of them", r.Note, r.Explanation, c.note)
			}
			if r.Operations != len(c.h.Operations) {
				t.Fatalf("operations %d, want %d", r.Operations, len(c.h.Operations))
			}
		})
	}
}

func TestCheckAutoTimeout(t *testing.T) {
	var ops []history.Operation
	for v := range int64(12) {
		ops = append(ops, pcOp(int(v), pcPut(v), pcOK, 0, 100))
	}
	for v := range int64(12) {
		ops = append(ops, pcOp(20+int(v), pcGet, pcGot(v), 200, 300))
	}
	ops = append(ops, pcOp(40, pcGet, pcGot(99), 400, 401), pcOp(41, pcLen, pcGot(0), 500, 501))
	r := Check(pcHistory(models.LIFO, 0, ops...), WithTimeout(50*time.Millisecond))
	if r.Verdict != Unknown || !strings.Contains(r.Note, "porcupine did not decide in time") {
		t.Fatalf("got %v", r)
	}
}

func TestReportString(t *testing.T) {
	cases := []struct {
		r    Report
		want string
	}{
		{Report{Verdict: Linearizable, Checker: "fast", Operations: 1200, Elapsed: 3212 * time.Microsecond},
			"linearizable (fast, 1200 ops, 3.21ms)"},
		{Report{Verdict: Violation, Checker: "porcupine", Operations: 3, Elapsed: 1520 * time.Millisecond,
			Explanation: "value 7 was got twice:\n  client 1 ...", Note: "a note"},
			"violation (porcupine, 3 ops, 1.52s): value 7 was got twice [a note]"},
		{Report{Verdict: Unknown, Operations: 0}, "unknown (no checker, 0 ops, 0s)"},
	}
	for _, c := range cases {
		if got := c.r.String(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}
