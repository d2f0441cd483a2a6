package linearizability

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

func TestVisualizeViolation(t *testing.T) {
	h := pcHistory(fifo, 0,
		pcOp(0, pcPut(1), pcOK, 0, 1), pcOp(0, pcPut(2), pcOK, 2, 3), pcOp(2, pcTryGet, pcRes(models.Empty), 0, 1),
		pcOp(1, pcGet, pcGot(2), 4, 5), pcOp(1, pcGet, pcGot(1), 6, 7))
	r := checkPorcupineFor(h, 10*time.Second)
	var buf bytes.Buffer
	if err := Visualize(h, r, &buf); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, want := range []string{"<html", "culprits", "get() → 2", "put(1) → ok", "try_get() → empty", "client 1 (line 5)", "[1 2] unfinished=2 open"} {
		if !strings.Contains(html, want) {
			t.Errorf("the visualisation lacks %q", want)
		}
	}
}

// TestVisualizeLarge: beyond VisualizeMax operations only a violation is
// drawn, as its culprits and some context; a linearizable history is an
// error.
func TestVisualizeLarge(t *testing.T) {
	var ops []history.Operation
	for v := range int64(VisualizeMax) {
		ops = append(ops, pcOp(0, pcPut(v), pcOK, 4*v, 4*v+1), pcOp(1, pcGet, pcGot(v), 4*v+2, 4*v+3))
	}
	h := pcHistory(fifo, 0, ops...)
	if err := Visualize(h, checkPorcupineFor(h, 10*time.Second), &bytes.Buffer{}); err == nil ||
		!strings.Contains(err.Error(), "too many to visualize") {
		t.Fatalf("got %v, want an error", err)
	}
	// Swap two got values in the middle.
	h.Operations[501].Output.Value, h.Operations[503].Output.Value = 251, 250
	r := checkPorcupineFor(h, 10*time.Second)
	if r.Verdict != Violation || len(r.Culprits) != 2 { // get → 251 before put(251) began
		t.Fatalf("got %v, culprits %v", r, r.Culprits)
	}
	var small, large bytes.Buffer
	if err := Visualize(h, r, &large); err != nil {
		t.Fatal(err)
	}
	if err := Visualize(pcHistory(fifo, 0, ops[:8]...), Report{}, &small); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"get() → 251", "client 1 (line 503)", "put(251) → ok"} {
		if !strings.Contains(large.String(), want) {
			t.Errorf("the visualisation lacks %q", want)
		}
	}
	if strings.Contains(large.String(), "put(100) → ok") {
		t.Error("the visualisation shows an operation far from the culprits")
	}
	if extra := large.Len() - small.Len(); extra > 40_000 {
		t.Errorf("the culprits' visualisation is %d bytes larger than one of 8 operations", extra)
	}
}
