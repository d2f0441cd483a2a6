package search_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/linearizability/internal/search"
	"github.com/pcqkit/pcq/models"
)

// stackFile is a stack history by hand: values 1 and 2 are each got by a
// get that overlaps their put (set aside); value 3 is put, then 4 is put
// after 3's put returned; the get of 3 returns before the get of 4 is
// called although both were on the stack: 4 was on top. Value 5 is put
// and got after everything else (set aside too), and a canceled get goes.
const stackFile = `{"model":"lifo","capacity":0}
{"client":0,"op":"put","value":1,"result":"ok","call":0,"return":10}
{"client":1,"op":"get","value":1,"result":"ok","call":5,"return":12}
{"client":0,"op":"put","value":3,"result":"ok","call":20,"return":21}
{"client":0,"op":"put","value":4,"result":"ok","call":22,"return":23}
{"client":1,"op":"put","value":2,"result":"ok","call":24,"return":30}
{"client":2,"op":"try_get","value":2,"result":"ok","call":25,"return":31}
{"client":1,"op":"get","value":3,"result":"ok","call":40,"return":41}
{"client":1,"op":"get","value":4,"result":"ok","call":42,"return":43}
{"client":2,"op":"get","result":"canceled","call":35,"return":45}
{"client":0,"op":"put","value":5,"result":"ok","call":50,"return":51}
{"client":1,"op":"get","value":5,"result":"ok","call":52,"return":53}
`

// TestStackSetAsideKeepsViolation checks a hand-written violation: the
// pairs set aside do not hide it, the explanation names the culprits, and
// the note says what was set aside.
func TestStackSetAsideKeepsViolation(t *testing.T) {
	h, err := history.Read(strings.NewReader(stackFile))
	if err != nil {
		t.Fatal(err)
	}
	if got := search.StackSetAside(h); got != 7 {
		t.Fatalf("set aside %d operations, want 7 (the pairs of values 1, 2 and 5, the canceled get)", got)
	}
	r := checkPorcupine(h, 10*time.Second)
	if r.Verdict != linearizability.Violation || !strings.Contains(r.Note, "searched 4 of the 11 operations") {
		t.Fatalf("verdict %v, note %q; want a violation, searched 4 of 11", r.Verdict, r.Note)
	}
	for _, line := range []string{"line 4", "line 5", "line 8"} {
		if !strings.Contains(r.Explanation, line) {
			t.Errorf("the explanation does not name %s: %s", line, r.Explanation)
		}
	}
	// Swap the two last gets: 4 (on top) is got first; linearizable.
	h.Operations[6].Output.Value, h.Operations[7].Output.Value = 4, 3
	if r := checkPorcupine(h, 10*time.Second); r.Verdict != linearizability.Linearizable {
		t.Fatalf("the corrected history is %v: %s", r.Verdict, r.Explanation)
	}
}

// BenchmarkPorcupineStackSetAside compares porcupine on whole 8-client
// stack histories with the porcupine checker, which sets pairs aside first, at
// 1,000 and 10,000 operations (and 100,000 for it alone), with
// short and long operations. Each check is bounded by 10s; the decided
// metric is 1 when it decided, 0 when it gave up. Run with -benchtime 1x.
func BenchmarkPorcupineStackSetAside(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		for _, overlap := range []int{4, 32} {
			rng := rand.New(rand.NewPCG(uint64(n), 7))
			h := histgen.Linearizable(rng, histgen.Config{Kind: models.LIFO, Clients: 8, Ops: n, Overlap: overlap,
				OpMix: histgen.MixQueue})
			name := fmt.Sprintf("ops=%d/overlap=%d", n, overlap)
			if n <= 10_000 {
				b.Run(name+"/whole", func(b *testing.B) {
					benchStack(b, func() linearizability.Verdict { return verdictOf(search.CheckWhole(h, 10*time.Second)) })
				})
			}
			b.Run(name+"/set-aside", func(b *testing.B) {
				benchStack(b, func() linearizability.Verdict { return checkPorcupine(h, 10*time.Second).Verdict })
			})
		}
	}
}

func benchStack(b *testing.B, check func() linearizability.Verdict) {
	decided := 0.0
	for b.Loop() {
		switch check() {
		case linearizability.Linearizable:
			decided = 1
		case linearizability.Violation:
			b.Fatal("a linearizable history called a violation")
		default:
			decided = 0
		}
	}
	b.ReportMetric(decided, "decided")
}

// TestStackSetAsideKeepsIllegalResults: a try_get that answered canceled
// (a result it cannot have) is a violation wherever it goes; the history
// is not shrunk, and porcupine reports it.
func TestStackSetAsideKeepsIllegalResults(t *testing.T) {
	h, err := history.Read(strings.NewReader(stackFile))
	if err != nil {
		t.Fatal(err)
	}
	h.Operations = h.Operations[:2] // the put of 1 and its get: a pair
	h.Operations = append(h.Operations, history.Operation{Client: 3, Input: models.Input{Op: models.TryGet},
		Output: models.Output{Result: models.Canceled}, Call: 50, Return: 60})
	if n := search.StackSetAside(h); n != 0 {
		t.Fatalf("set aside %d operations of a history with an illegal result", n)
	}
	if r := checkPorcupine(h, 5*time.Second); r.Verdict != linearizability.Violation {
		t.Fatalf("verdict %v, want a violation (try_get cannot be canceled)", r.Verdict)
	}
}
