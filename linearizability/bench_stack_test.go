package linearizability_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

// stackShapes are the 8-client stack histories of the benchmark: the
// simulated stack of histgen.Stack with short or long operations (a try_get
// every tenth get: empty answers), and histgen.Linearizable's with short
// or long operations (puts and gets at random instants, the histories the
// README's porcupine table measured).
var stackShapes = []orderShape{
	{"sim-short", func(rng *rand.Rand, n int, bug histgen.StackBug) history.History {
		return histgen.Stack(rng, histgen.StackConfig{Clients: 8, Ops: n, Slack: 2, Think: 4, TryEvery: 10, Bug: bug, At: n / 2})
	}},
	{"sim-long", func(rng *rand.Rand, n int, bug histgen.StackBug) history.History {
		return histgen.Stack(rng, histgen.StackConfig{Clients: 8, Ops: n, Slack: 40, Think: 4, TryEvery: 10, Bug: bug, At: n / 2})
	}},
	{"gen-short", func(rng *rand.Rand, n int, _ histgen.StackBug) history.History {
		return histgen.Linearizable(rng, histgen.Config{Kind: models.LIFO, Clients: 8, Ops: n, Overlap: 4, OpMix: histgen.MixQueue})
	}},
	{"gen-long", func(rng *rand.Rand, n int, _ histgen.StackBug) history.History {
		return histgen.Linearizable(rng, histgen.Config{Kind: models.LIFO, Clients: 8, Ops: n, Overlap: 32, OpMix: histgen.MixQueue})
	}},
}

// stackBugs are the bugs the benchmark injects, halfway through
// (histgen.StackSecond is left out: on these histories the item under the
// top is got while the top's put overlaps the get, which is linearizable).
var stackBugs = []struct {
	name string
	bug  histgen.StackBug
}{
	{"valid", histgen.StackCorrect}, {"keep", histgen.StackKeep},
	{"fresh", histgen.StackFresh}, {"empty", histgen.StackEmpty},
}

// BenchmarkCheckFastStack measures the fast checker on 8-client stack
// histories of 100,000 and 1,000,000 operations, valid and with each bug
// of the simulated stack (the check of a violation includes shrinking it
// to a few operations). Besides ns/op it reports cpu-ns/op; B/op with
// -benchmem.
func BenchmarkCheckFastStack(b *testing.B) { benchOrderShapes(b, stackShapes) }

// orderShape is a kind of history of a stack or priority queue benchmark:
// make builds one of n operations with bug injected halfway.
type orderShape struct {
	name string
	make func(rng *rand.Rand, n int, bug histgen.StackBug) history.History
}

// benchOrderShapes runs the fast checker on histories of each shape, of
// 100,000 and 1,000,000 operations, valid and (the simulated shapes) with
// each bug of stackBugs.
func benchOrderShapes(b *testing.B, shapes []orderShape) {
	for _, n := range []int{100_000, 1_000_000} {
		for _, shape := range shapes {
			for _, bug := range stackBugs {
				if bug.bug != histgen.StackCorrect && !strings.HasPrefix(shape.name, "sim") {
					continue
				}
				b.Run(fmt.Sprintf("ops=%d/%s/%s", n, shape.name, bug.name), func(b *testing.B) {
					h := shape.make(rand.New(rand.NewPCG(uint64(n), 5)), n, bug.bug)
					benchStackCheck(b, h, bug.bug)
				})
			}
		}
	}
}

func benchStackCheck(b *testing.B, h history.History, bug histgen.StackBug) {
	want := linearizability.Violation
	if bug == histgen.StackCorrect {
		want = linearizability.Linearizable
	}
	benchRun(b, len(h.Operations), func() {
		r, decided := linearizability.CheckFast(h)
		if !decided || r.Verdict != want {
			b.Fatalf("verdict %v (decided %v), want %v: %s %s", r.Verdict, decided, want, r.Note, r.Explanation)
		}
		if want == linearizability.Violation && len(r.Culprits) > 12 {
			b.Fatalf("%d culprits: %s", len(r.Culprits), r.Explanation)
		}
	})
}
