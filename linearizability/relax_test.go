package linearizability

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

func withLine(op history.Operation, line int) history.Operation { op.Line = line; return op }

func flen(c int, n, a, b int64) history.Operation {
	return history.Operation{Client: c, Input: models.Input{Op: models.Len}, Output: models.Output{Value: n}, Call: a, Return: b}
}

// spuriousHistory: a try_get answers empty while 1 is in the queue, and a
// try_put answers full in an unbounded queue.
func spuriousHistory() history.History {
	return history.History{Kind: models.FIFO, Operations: []history.Operation{
		withLine(histgen.Put(0, 1, 1, 2), 2),
		withLine(histgen.Empty(1, 3, 4), 3),
		withLine(histgen.TryPut(0, 2, 5, 6, models.Full), 4),
		withLine(histgen.Get(1, 1, 7, 8), 5),
	}}
}

// lossyHistory: 1 and 2 are put, 1 is never got, 2 is got; the queue
// answers len 1 with one item it dropped later and full (capacity 1).
func lossyHistory() history.History {
	return history.History{Kind: models.FIFO, Capacity: 1, Operations: []history.Operation{
		withLine(histgen.Put(0, 1, 1, 2), 2),
		withLine(flen(1, 1, 3, 4), 3),
		withLine(histgen.TryPut(1, 3, 5, 6, models.Full), 4),
		withLine(histgen.Put(0, 2, 7, 8), 5),
		withLine(histgen.Get(1, 2, 9, 10), 6),
	}}
}

func TestRelaxSpurious(t *testing.T) {
	h := spuriousHistory()
	if r := Check(h); r.Verdict != Violation {
		t.Fatalf("strict: %v, want violation", r)
	}
	rh, st := Relax(h, SpuriousTryFailures)
	if st.SpuriousFailures != 2 || !slices.Equal(st.Kept, []int{0, 3}) || len(rh.Operations) != 2 {
		t.Fatalf("Relax: %+v, %d ops", st, len(rh.Operations))
	}
	if rh.Operations[1].Line != 5 || len(h.Operations) != 4 {
		t.Fatalf("Relax changed lines or its argument")
	}
	r := Check(h, WithRelaxations(SpuriousTryFailures))
	if r.Verdict != Linearizable || r.Operations != 4 {
		t.Fatalf("relaxed: %v", r)
	}
	if got := r.VerdictText(); got != "linearizable with spurious try-failures" {
		t.Fatalf("VerdictText = %q", got)
	}
	if !strings.HasPrefix(r.String(), "linearizable with spurious try-failures (") {
		t.Fatalf("String = %q", r.String())
	}
	if r := Check(h, WithRelaxations(Lossy)); r.Verdict != Violation || !strings.HasPrefix(r.VerdictText(), "violation even with drops") {
		t.Fatalf("a spurious queue passed under Lossy: %v", r)
	}
}

func TestRelaxLossy(t *testing.T) {
	h := lossyHistory()
	if r := Check(h); r.Verdict != Violation {
		t.Fatalf("strict: %v, want violation", r)
	}
	rh, st := Relax(h, Lossy)
	if st.Drops != 1 || st.Unchecked != 2 || !slices.Equal(st.Kept, []int{3, 4}) || len(rh.Operations) != 2 {
		t.Fatalf("Relax: %+v", st)
	}
	r := Check(h, WithRelaxations(Lossy))
	want := "linearizable with drops (Lossy: 1 values put were never got)"
	if r.Verdict != Linearizable || r.Drops != 1 || r.VerdictText() != want {
		t.Fatalf("relaxed: %v (%q)", r, r.VerdictText())
	}
	if r := Check(h, WithRelaxations(SpuriousTryFailures)); r.Verdict != Violation {
		t.Fatalf("a lossy queue passed under SpuriousTryFailures: %v", r)
	}
}

func TestRelaxLossyNoDropKeepsEverything(t *testing.T) {
	h := history.History{Kind: models.FIFO, Capacity: 1, Operations: []history.Operation{
		histgen.Put(0, 1, 1, 2), histgen.TryPut(1, 3, 3, 4, models.Full), flen(1, 1, 5, 6), histgen.Get(0, 1, 7, 8),
	}}
	rh, st := Relax(h, Lossy)
	if st.Drops != 0 || st.Unchecked != 0 || len(rh.Operations) != 4 {
		t.Fatalf("Relax removed from a history without drops: %+v", st)
	}
	// Without drops, a try_put full in a queue with room is still a violation.
	h.Operations[1].Call, h.Operations[1].Return = 9, 10
	if r := Check(h, WithRelaxations(Lossy)); r.Verdict != Violation {
		t.Fatalf("%v", r)
	}
}

// TestRelaxLossyReorderFails: a lossy queue that also reorders fails.
func TestRelaxLossyReorderFails(t *testing.T) {
	h := history.History{Kind: models.FIFO, Operations: []history.Operation{
		histgen.Put(0, 1, 1, 2), histgen.Put(0, 2, 3, 4), histgen.Put(0, 5, 5, 6), histgen.Get(1, 2, 7, 8), histgen.Get(1, 1, 9, 10),
	}}
	r := Check(h, WithRelaxations(Lossy, SpuriousTryFailures))
	if r.Verdict != Violation || r.Drops != 1 {
		t.Fatalf("%v", r)
	}
	// Culprits and explanations refer to the original history.
	if !slices.Contains(r.Culprits, 4) || slices.Contains(r.Culprits, 2) {
		t.Fatalf("culprits %v, explanation %q", r.Culprits, r.Explanation)
	}
	if strings.Contains(r.Explanation, "operation 3") && !strings.Contains(r.Explanation, "operation 4") {
		t.Fatalf("explanation cites the relaxed history: %q", r.Explanation)
	}
	if !strings.Contains(r.VerdictText(), "violation even with spurious try-failures and drops (Lossy: 1 values") {
		t.Fatalf("VerdictText = %q", r.VerdictText())
	}
}

func TestRelaxLossyAmbiguous(t *testing.T) {
	// 7 is put twice, got once, then 8 is got before 7 could be: which put
	// of 7 was dropped decides, so the answer is unknown, not violation.
	h := history.History{Kind: models.FIFO, Operations: []history.Operation{
		histgen.Put(0, 7, 1, 2), histgen.Put(0, 8, 3, 4), histgen.Put(0, 7, 5, 6), histgen.Get(1, 8, 7, 8), histgen.Get(1, 7, 9, 10),
	}}
	_, st := Relax(h, Lossy)
	if st.Ambiguous != 1 || st.Drops != 0 {
		t.Fatalf("%+v", st)
	}
	if r := Check(h, WithRelaxations(Lossy)); r.Verdict != Unknown {
		t.Fatalf("%v", r)
	}
}

func TestRelaxCorrectHistory(t *testing.T) {
	h := history.History{Kind: models.FIFO, Operations: []history.Operation{histgen.Put(0, 1, 1, 2), histgen.Get(1, 1, 3, 4)}}
	for _, rs := range [][]Relaxation{nil, {SpuriousTryFailures}, {Lossy}, {Lossy, SpuriousTryFailures, Lossy}} {
		r := Check(h, WithRelaxations(rs...))
		if r.Verdict != Linearizable {
			t.Fatalf("%v: %v", rs, r)
		}
		if len(rs) == 0 && r.VerdictText() != "linearizable" {
			t.Fatalf("strict text %q", r.VerdictText())
		}
		if len(rs) > 0 && (r.VerdictText() == "linearizable" || !strings.Contains(r.String(), "linearizable with ")) {
			t.Fatalf("%v: relaxed report %q does not name its relaxation", rs, r.String())
		}
	}
	r := Check(h, WithRelaxations(Lossy, SpuriousTryFailures, Lossy))
	if !slices.Equal(r.Relaxations, []Relaxation{SpuriousTryFailures, Lossy}) {
		t.Fatalf("Relaxations %v", r.Relaxations)
	}
}

func TestParseRelaxations(t *testing.T) {
	rs, err := ParseRelaxations("lossy, spurious-try-failures,lossy")
	if err != nil || !slices.Equal(rs, []Relaxation{SpuriousTryFailures, Lossy}) {
		t.Fatalf("%v %v", rs, err)
	}
	if rs, err := ParseRelaxations(""); err != nil || rs != nil {
		t.Fatalf("%v %v", rs, err)
	}
	if _, err := ParseRelaxations("lossy,fast"); err == nil || !strings.HasPrefix(err.Error(), "linearizability: ") {
		t.Fatalf("err %v", err)
	}
	if Relaxation(9).String() != "Relaxation(9)" {
		t.Fatal(Relaxation(9).String())
	}
	if r := Check(history.History{}, WithRelaxations(Relaxation(9))); r.Verdict != Unknown {
		t.Fatalf("%v", r)
	}
}

func ExampleRelax() {
	h := history.History{Kind: models.FIFO, Operations: []history.Operation{
		{Client: 0, Input: models.Input{Op: models.Put, Value: 1}, Call: 1, Return: 2},
		{Client: 1, Input: models.Input{Op: models.TryGet}, Output: models.Output{Result: models.Empty}, Call: 3, Return: 4},
		{Client: 1, Input: models.Input{Op: models.Get}, Output: models.Output{Value: 1}, Call: 5, Return: 6},
	}}
	_, st := Relax(h, SpuriousTryFailures)
	fmt.Println(st.Kept, st.SpuriousFailures)
	fmt.Println(Check(h).Verdict)
	fmt.Println(Check(h, WithRelaxations(SpuriousTryFailures)).VerdictText())
	// Output:
	// [0 2] 1
	// violation
	// linearizable with spurious try-failures
}
