package linearizability_test

import (
	"math/rand/v2"
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

// prioShapes are the 8-client priority queue histories of the benchmark:
// the simulated priority queue of histgen.Priority with short or long
// operations and values mixed over 50 puts (a try_get every tenth get:
// empty answers), and histgen.Linearizable's with short or long
// operations.
var prioShapes = []orderShape{
	{"sim-short", func(rng *rand.Rand, n int, bug histgen.StackBug) history.History {
		return histgen.Priority(rng, histgen.PriorityConfig{StackConfig: histgen.StackConfig{Clients: 8, Ops: n, Slack: 2, Think: 4, TryEvery: 10, Bug: bug, At: n / 2}, Spread: 50})
	}},
	{"sim-long", func(rng *rand.Rand, n int, bug histgen.StackBug) history.History {
		return histgen.Priority(rng, histgen.PriorityConfig{StackConfig: histgen.StackConfig{Clients: 8, Ops: n, Slack: 40, Think: 4, TryEvery: 10, Bug: bug, At: n / 2}, Spread: 50})
	}},
	{"gen-short", func(rng *rand.Rand, n int, _ histgen.StackBug) history.History {
		return histgen.Linearizable(rng, histgen.Config{Kind: models.Priority, Clients: 8, Ops: n, Overlap: 4, OpMix: histgen.MixQueue})
	}},
	{"gen-long", func(rng *rand.Rand, n int, _ histgen.StackBug) history.History {
		return histgen.Linearizable(rng, histgen.Config{Kind: models.Priority, Clients: 8, Ops: n, Overlap: 32, OpMix: histgen.MixQueue})
	}},
}

// BenchmarkCheckFastPriority measures the fast checker on 8-client
// priority queue histories of 100,000 and 1,000,000 operations, valid and
// with each bug of the simulated queue but StackSecond (the second
// smallest got while the smallest's put overlaps the get is linearizable;
// the check of a violation includes shrinking it). Besides ns/op it
// reports cpu-ns/op; B/op with -benchmem.
func BenchmarkCheckFastPriority(b *testing.B) { benchOrderShapes(b, prioShapes) }
