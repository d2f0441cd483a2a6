package search

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// pcBenchHistory returns a linearizable FIFO history of n puts and gets by
// clients clients: an operation every 10 ticks takes effect at that tick
// and stretches up to dur ticks on each side (bigger dur: more overlap).
func pcBenchHistory(seed uint64, clients, n int, dur int64) history.History {
	rng := rand.New(rand.NewPCG(seed, 9))
	h := history.History{Kind: models.FIFO}
	var queued []int64
	free := make([]int64, clients) // when each client may call again
	for t, next := int64(0), int64(1); len(h.Operations) < n; t += 10 {
		c := rng.IntN(clients)
		if free[c] > t {
			continue
		}
		op := history.Operation{Client: c, Call: max(t-rng.Int64N(dur+1), free[c]), Return: t + rng.Int64N(dur+1)}
		if rng.IntN(2) == 0 || len(queued) == 0 {
			op.Input, op.Output = models.Input{Op: models.Put, Value: next}, models.Output{Result: models.OK}
			queued = append(queued, next)
			next++
		} else {
			op.Input, op.Output = models.Input{Op: models.Get}, models.Output{Result: models.OK, Value: queued[0]}
			queued = queued[1:]
		}
		free[c] = op.Return + 1
		h.Operations = append(h.Operations, op)
	}
	return h
}

// BenchmarkPorcupinePruning compares porcupine over the plain model with
// the pruned model that Check uses, on 1,000-operation FIFO
// histories (dur 40 with 4 clients: mean overlap about 2.8).
func BenchmarkPorcupinePruning(b *testing.B) {
	for _, c := range []struct {
		clients int
		dur     int64
	}{{1, 5}, {4, 5}, {4, 40}} {
		h := pcBenchHistory(1, c.clients, 1000, c.dur)
		ops := Ops(h, Indices(len(h.Operations)))
		for _, m := range []struct {
			name  string
			model porcupine.Model
		}{{"spec", SpecModel(h)}, {"pruned", Model(h)}} {
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
