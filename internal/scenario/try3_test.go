package scenario

import (
	"cmp"
	"context"
	"math/rand/v2"
	"testing"

	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

func TestTry3(t *testing.T) {
	for _, kind := range []models.Kind{models.LIFO, models.Priority} {
		nq := func(c int) queue.Queue[int] { return queue.NewLIFO[int](c) }
		if kind == models.Priority {
			nq = func(c int) queue.Queue[int] { return queue.NewPriority[int](c, cmp.Compare[int]) }
		}
		for _, cfg := range []Config{
			{Clients: 4, Steps: 250, Mix: Mix{TryPut: 2, TryGet: 2, Put: 1, Get: 1}},
			{Clients: 4, Steps: 100, Mix: Mix{TryPut: 2, TryGet: 2, Put: 1, Get: 1, TaskDone: 3}, Capacity: 4},
			{Clients: 6, Steps: 40, Mix: Basic, Capacity: 1, MaxYield: 5},
			{Clients: 6, Steps: 15, Mix: Full, Shutdown: Any, Capacity: 4, MaxYield: 5},
		} {
			for r := range 3 {
				s := Generate(rand.New(rand.NewPCG(2, uint64(r))), cfg)
				o := Run(context.Background(), nq, s, Options{Kind: kind})
				t.Logf("%v %v: %v total %v ops %d check %.150v", kind, cfg.Mix, o.Failure, o.Stats.Elapsed, o.Stats.Ops, o.Report)
			}
		}
	}
}
