package scenario

import (
	"context"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

func TestTry(t *testing.T) {
	impls := map[string]func(int) queue.Queue[int]{
		"locked": func(c int) queue.Queue[int] { return queue.NewLocked[int](c) },
	}
	for _, b := range broken.All() {
		if b.Name == "get-twice" || b.Name == "taskdone-race" {
			impls[b.Name] = b.New
		}
	}
	for name, nq := range impls {
		start := time.Now()
		var fails = map[Failure]int{}
		n := 0
		var first time.Duration
		for r := range 60 {
			rng := rand.New(rand.NewPCG(1, uint64(r)))
			mix, sd, steps := Basic, None, 40
			if r%2 == 1 {
				mix, sd, steps = Full, Any, 12
			}
			caps := []int{1, 4, 0}
			s := Generate(rng, Config{Clients: 6, Steps: steps, Capacity: caps[(r/3)%3], Mix: mix, Shutdown: sd, MaxYield: 5})
			runtime.GOMAXPROCS([]int{1, 2, 4}[r%3])
			o := Run(context.Background(), nq, s, Options{Kind: models.FIFO, Watchdog: 3 * time.Second})
			n++
			if o.Failure != "" {
				if fails[o.Failure] == 0 && first == 0 {
					first = time.Since(start)
					t.Logf("%s: %s: %.300s", name, o.Failure, o.Explanation)
				}
				fails[o.Failure]++
			}
		}
		runtime.GOMAXPROCS(2)
		t.Logf("%s: %d runs %v fails %v first %v", name, n, time.Since(start), fails, first)
	}
}
