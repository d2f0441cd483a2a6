package linearizability

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/pcqkit/pcq/models"
)

// pcBenchHistory returns a linearizable FIFO history of n puts and gets by
// clients clients: an operation every 10 ticks takes effect at that tick
// and stretches up to dur ticks on each side (bigger dur: more overlap).
func pcBenchHistory(seed uint64, clients, n int, dur int64) History {
	return benchHistoryOf(models.FIFO, seed, clients, n, dur)
}

// benchHistoryOf is pcBenchHistory for a FIFO or a LIFO queue.
func benchHistoryOf(kind models.Kind, seed uint64, clients, n int, dur int64) History {
	rng := rand.New(rand.NewPCG(seed, 9))
	h := History{Kind: kind}
	var queued []int64
	free := make([]int64, clients) // when each client may call again
	for t, next := int64(0), int64(1); len(h.Operations) < n; t += 10 {
		c := rng.IntN(clients)
		if free[c] > t {
			continue
		}
		op := Operation{Client: c, Call: max(t-rng.Int64N(dur+1), free[c]), Return: t + rng.Int64N(dur+1)}
		if rng.IntN(2) == 0 || len(queued) == 0 {
			op.Input, op.Output = models.Input{Op: models.Put, Value: next}, models.Output{Result: models.OK}
			queued = append(queued, next)
			next++
		} else {
			at := 0 // the head of a FIFO queue, the top of a stack
			if kind == models.LIFO {
				at = len(queued) - 1
			}
			op.Input, op.Output = models.Input{Op: models.Get}, models.Output{Result: models.OK, Value: queued[at]}
			queued = append(queued[:at], queued[at+1:]...)
		}
		free[c] = op.Return + 1
		h.Operations = append(h.Operations, op)
	}
	return h
}

// BenchmarkPorcupinePruning compares porcupine over the plain model with
// the pruned model that CheckPorcupine uses, on 1,000-operation FIFO
// histories (dur 40 with 4 clients: mean overlap about 2.8).
func BenchmarkPorcupinePruning(b *testing.B) {
	for _, c := range []struct {
		clients int
		dur     int64
	}{{1, 5}, {4, 5}, {4, 40}} {
		h := pcBenchHistory(1, c.clients, 1000, c.dur)
		ops := porcupineOps(h, indices(len(h.Operations)))
		for _, m := range []struct {
			name  string
			model porcupine.Model
		}{{"spec", specModel(h)}, {"pruned", porcupineModel(h)}} {
			b.Run(fmt.Sprintf("clients=%d/dur=%d/%s", c.clients, c.dur, m.name), func(b *testing.B) {
				for b.Loop() {
					if res := porcupine.CheckOperationsTimeout(m.model, ops, time.Minute); res != porcupine.Ok {
						b.Fatalf("%v", res)
					}
				}
			})
		}
	}
}

// BenchmarkPorcupineStackSetAside compares porcupine on a whole LIFO
// history with porcupine on what remains once the overlapping put/get
// pairs are set aside (porcupine_stack.go), on 1,000-operation histories
// of 4 and 8 clients. Each search is bounded by 10s; the decided metric
// is 1 when it decided, 0 when it gave up.
func BenchmarkPorcupineStackSetAside(b *testing.B) {
	for _, c := range []struct {
		clients int
		dur     int64
	}{{4, 20}, {4, 40}, {8, 40}} {
		h := benchHistoryOf(models.LIFO, 1, c.clients, 1000, c.dur)
		keep, ok := stackKeep(h)
		if !ok {
			b.Fatal("nothing set aside")
		}
		for _, m := range []struct {
			name string
			idx  []int
		}{{"whole", indices(len(h.Operations))}, {"set-aside", keep}} {
			b.Run(fmt.Sprintf("clients=%d/dur=%d/%s", c.clients, c.dur, m.name), func(b *testing.B) {
				decided := 0.0
				for b.Loop() {
					switch porcupineRun(h, m.idx, 10*time.Second) {
					case porcupine.Ok:
						decided = 1
					case porcupine.Illegal:
						b.Fatal("a linearizable history called a violation")
					default:
						decided = 0
					}
				}
				b.ReportMetric(decided, "decided")
				b.ReportMetric(float64(len(m.idx)), "ops-searched")
			})
		}
	}
}
