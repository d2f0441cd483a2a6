package scenario

import (
	"strings"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// op builds an operation of client c, called at call and returned at ret.
func op(c int, o models.Op, in int64, r models.Result, out int64, call, ret int64) history.Operation {
	return history.Operation{Client: c, Input: models.Input{Op: o, Value: in},
		Output: models.Output{Result: r, Value: out}, Call: call, Return: ret}
}

func TestConserve(t *testing.T) {
	put := func(c int, v int64, r models.Result, call int64) history.Operation {
		return op(c, models.Put, v, r, 0, call, call+1)
	}
	get := func(c int, v int64, call int64) history.Operation {
		return op(c, models.TryGet, 0, models.OK, v, call, call+1)
	}
	shut := op(2, models.Shutdown, 0, models.OK, 0, 20, 21)
	shut.Input.Immediate = true
	tests := []struct {
		name string
		ops  []history.Operation
		want harness.Check
		msg  string
	}{
		{"ok", []history.Operation{put(0, 1, models.OK, 0), put(0, 2, models.OK, 2), get(1, 1, 4), get(1, 2, 6)}, "", ""},
		{"never put", []history.Operation{get(1, 9, 4)}, harness.Conservation, "never put"},
		{"failed put", []history.Operation{put(0, 1, models.Canceled, 0), get(1, 1, 4)}, harness.Conservation, "returned canceled"},
		{"before its put", []history.Operation{get(1, 1, 0), put(0, 1, models.OK, 5)}, harness.Conservation, "before its"},
		{"twice", []history.Operation{put(0, 1, models.OK, 0), get(1, 1, 4), get(2, 1, 6)}, harness.Conservation, "got twice"},
		{"lost", []history.Operation{put(0, 1, models.OK, 0)}, harness.Conservation, "lost"},
		{"discarded", []history.Operation{put(0, 1, models.OK, 0), shut}, "", ""},
		{"put after discard", []history.Operation{shut, put(0, 1, models.OK, 30)}, harness.Conservation, "lost"},
		{"order", []history.Operation{put(0, 1, models.OK, 0), put(0, 2, models.OK, 2), get(1, 2, 4), get(1, 1, 6)}, harness.Order, "per-producer"},
	}
	for _, tt := range tests {
		f, msg := result(conserve(history.History{Kind: models.FIFO, Operations: tt.ops}, false))
		if f != tt.want || !strings.Contains(msg, tt.msg) {
			t.Errorf("%s: conserve = %q, %q; want %q with %q", tt.name, f, msg, tt.want, tt.msg)
		}
	}
	lifo := history.History{Kind: models.LIFO, Operations: tests[len(tests)-1].ops}
	if f, msg := result(conserve(lifo, false)); f != "" {
		t.Errorf("LIFO order: conserve = %q, %q; want no failure", f, msg)
	}
}

func result(f *finding) (harness.Check, string) {
	if f == nil {
		return "", ""
	}
	return f.check, f.msg
}
