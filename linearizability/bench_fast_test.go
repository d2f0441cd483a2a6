package linearizability_test

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

// benchHistories caches generated histories across benchmarks: making a
// million-operation history takes longer than checking it.
var benchHistories sync.Map

// benchHistory returns an 8-client FIFO history of n operations, valid or
// with one violation.
func benchHistory(b *testing.B, clients, n, overlap int, broken bool) history.History {
	return benchBounded(b, clients, 0, n, overlap, broken)
}

// benchBounded is benchHistory for a queue of the given capacity.
func benchBounded(b *testing.B, clients, capacity, n, overlap int, broken bool) history.History {
	key := fmt.Sprint(clients, capacity, n, overlap, broken)
	if h, ok := benchHistories.Load(key); ok {
		return h.(history.History)
	}
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	h := histgen.Linearizable(rng, histgen.Config{
		Kind: models.FIFO, Capacity: capacity, Clients: clients, Ops: n, Overlap: overlap,
		OpMix: histgen.MixPut | histgen.MixTryPut | histgen.MixGet | histgen.MixTryGet,
	})
	if broken {
		h = benchBreak(b, h)
	}
	benchHistories.Store(key, h)
	return h
}

// benchBreak swaps the values of two gets in the last tenth of h, far
// enough apart to make exactly that one pair a violation.
func benchBreak(b *testing.B, h history.History) history.History {
	ops := h.Operations
	var gets []int
	for i := len(ops) * 9 / 10; i < len(ops); i++ {
		if ops[i].Input.Op == models.Get && ops[i].Output.Result == models.OK {
			gets = append(gets, i)
		}
	}
	i, j := gets[0], gets[len(gets)/2]
	ops[i].Output.Value, ops[j].Output.Value = ops[j].Output.Value, ops[i].Output.Value
	if r, decided := linearizability.CheckFast(h); !decided || r.Verdict != linearizability.Violation {
		b.Fatalf("the broken history is %v (decided %v)", r.Verdict, decided)
	}
	return h
}

// benchRun runs check b.N times and reports, besides ns/op, the CPU time
// per run (cpu-ns/op) and, if n > 0, operations checked per second of CPU.
func benchRun(b *testing.B, n int, check func()) {
	b.ReportAllocs()
	b.ResetTimer()
	cpu := benchCPU()
	for range b.N {
		check()
	}
	used := benchCPU() - cpu
	b.ReportMetric(float64(used.Nanoseconds())/float64(b.N), "cpu-ns/op")
	if n > 0 && used > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/used.Seconds(), "ops/cpu-s")
	}
}

// BenchmarkCheckFast measures the fast checker on 8-client FIFO histories
// of 10k, 100k and 1M operations, valid and with one violation.
func BenchmarkCheckFast(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		for _, broken := range []bool{false, true} {
			name := fmt.Sprintf("ops=%d/valid", n)
			if broken {
				name = fmt.Sprintf("ops=%d/violation", n)
			}
			b.Run(name, func(b *testing.B) {
				h := benchHistory(b, 8, n, 8, broken)
				want := linearizability.Linearizable
				if broken {
					want = linearizability.Violation
				}
				benchRun(b, n, func() {
					if r, decided := linearizability.CheckFast(h); !decided || r.Verdict != want {
						b.Fatalf("verdict %v (decided %v), want %v: %s", r.Verdict, decided, want, r.Note)
					}
				})
			})
		}
	}
}

// BenchmarkFastVsPorcupine checks the same 1,000-operation FIFO history
// with both checkers, with 2 clients and light overlap, and with 4 clients:
// the ratio of their ns/op is the speed-up. Porcupine may take tens of
// seconds on the second; run it with -benchtime 1x.
func BenchmarkFastVsPorcupine(b *testing.B) {
	for _, shape := range []struct{ clients, overlap int }{{2, 1}, {4, 2}} {
		h := benchHistory(b, shape.clients, 1000, shape.overlap, false)
		name := fmt.Sprintf("clients=%d", shape.clients)
		b.Run(name+"/checker=fast", func(b *testing.B) {
			benchRun(b, 0, func() {
				if r, _ := linearizability.CheckFast(h); r.Verdict != linearizability.Linearizable {
					b.Fatalf("fast: %v %s", r.Verdict, r.Note)
				}
			})
		})
		b.Run(name+"/checker=porcupine", func(b *testing.B) {
			benchRun(b, 0, func() {
				if r := linearizability.CheckPorcupine(h, time.Minute); r.Verdict != linearizability.Linearizable {
					b.Fatalf("porcupine: %v %s", r.Verdict, r.Explanation)
				}
			})
		})
	}
}

// BenchmarkCheckFastBounded measures the fast checker on 8-client histories
// of a FIFO queue of capacity 4, where the capacity binds: it builds and
// replays candidate linearizations, and hands the history on when none
// replays. The decided metric is 1 when it decided, 0 when it handed on.
func BenchmarkCheckFastBounded(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("ops=%d/valid", n), func(b *testing.B) {
			h := benchBounded(b, 8, 4, n, 8, false)
			decided := false
			benchRun(b, n, func() {
				var r linearizability.Report
				if r, decided = linearizability.CheckFast(h); r.Verdict == linearizability.Violation {
					b.Fatalf("a valid history called a violation: %s", r.Explanation)
				}
			})
			if decided {
				b.ReportMetric(1, "decided")
			} else {
				b.ReportMetric(0, "decided")
			}
		})
	}
}
