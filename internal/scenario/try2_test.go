package scenario

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/models"
)

func TestTry2(t *testing.T) {
	for _, b := range broken.All() {
		if b.Name != "get-twice" && b.Name != "taskdone-race" {
			continue
		}
		for _, cfg := range []Config{
			{Clients: 4, Steps: 500, Mix: Mix{TryPut: 1, TryGet: 1, TaskDone: 1}},
			{Clients: 8, Steps: 250, Mix: Mix{TryPut: 1, TryGet: 1, TaskDone: 1}},
			{Clients: 2, Steps: 1000, Mix: Mix{TryPut: 1, TryGet: 1, TaskDone: 1}},
		} {
			for _, procs := range []int{2, 4} {
				runtime.GOMAXPROCS(procs)
				start := time.Now()
				fails := map[Failure]int{}
				var first time.Duration
				n := 0
				for r := 0; time.Since(start) < 2*time.Second; r++ {
					s := Generate(rand.New(rand.NewPCG(2, uint64(r))), cfg)
					o := Run(context.Background(), b.New, s, Options{Kind: models.FIFO})
					n++
					if o.Failure != "" {
						if first == 0 {
							first = time.Since(start)
						}
						fails[o.Failure]++
					}
				}
				t.Logf("%s %s procs=%d: %d runs fails %v first %v", b.Name, fmt.Sprint(cfg.Mix, cfg.Clients), procs, n, fails, first)
			}
		}
	}
	runtime.GOMAXPROCS(2)
}
