package stress

import (
	"math/rand/v2"

	"github.com/pcqkit/pcq/internal/scenario"
	"github.com/pcqkit/pcq/models"
)

// mix is one kind of round.
type mix struct {
	name     string
	mix      scenario.Mix
	steps    func(ops int) int // steps per goroutine from WithOps' n
	shutdown scenario.ShutdownMode
	maxYield int
	parallel bool // needs GOMAXPROCS >= 2: contention, not interleaving
	slow     bool // its histories go to porcupine (task_done, len, join, shutdown)
}

// porcupineOps bounds the operations of a round whose history goes to
// porcupine (the rounds with task_done, len, join or shutdown), and
// stackOps those of every round of a LIFO or priority queue: porcupine is
// exponential in the worst case, and a LIFO history of a thousand
// operations can take it minutes. Measured under -race: with 300
// operations, about one LIFO round in a hundred took porcupine more than
// 3s; with 180, the slowest of 600 rounds took 0.25s, but about one round
// in a few thousand (its history 235 operations with the final drain) was
// still undecided after 150s. 120 keeps that tail out of reach.
const (
	porcupineOps = 300
	stackOps     = 120
)

// mixes are the kinds of round, run in turn:
//
//   - hammer: puts and gets back to back, no yields, many of them: lost and
//     duplicated items under contention (the fast checker decides FIFO
//     histories of any length);
//   - tasks: the same with task_done: lost increments and decrements of
//     the unfinished count;
//   - yields: puts and gets with PCT-like yield points, GOMAXPROCS 1 too:
//     unusual interleavings;
//   - full: every operation, len, join and a shutdown (soft or immediate)
//     in the second half, with yields; short, for porcupine.
var mixes = []mix{
	{name: "hammer", mix: scenario.Mix{Put: 1, TryPut: 2, Get: 1, TryGet: 2},
		steps: func(n int) int { return n }, parallel: true},
	{name: "tasks", mix: scenario.Mix{Put: 1, TryPut: 2, Get: 1, TryGet: 2, TaskDone: 3},
		steps: func(n int) int { return max(n/2, 6) }, parallel: true, slow: true},
	{name: "yields", mix: scenario.Basic,
		steps: func(n int) int { return max(n/4, 6) }, maxYield: 8},
	{name: "full", mix: scenario.Full, shutdown: scenario.Any,
		steps: func(n int) int { return max(n/8, 6) }, maxYield: 8, slow: true},
}

// procs are the GOMAXPROCS values that rounds are drawn with.
var procs = []int{1, 2, 4}

// round is one planned round.
type round struct {
	index    int
	mix      mix
	capacity int
	procs    int
	scenario scenario.Scenario
}

// plan returns round i: its mix in turn, its capacity in turn (past the
// rounds every run makes, one round in two draws it from the wider
// capacities), or a long-lived round's; its GOMAXPROCS and its scenario
// drawn from (seed, i) alone, so that the same seed replays the same
// rounds.
func (c *config) plan(i int, capacities []int) round {
	rng := rand.New(rand.NewPCG(uint64(c.Seed), uint64(i)))
	r := round{index: i, mix: mixes[i%len(mixes)], capacity: capacities[(i+i/len(mixes))%len(capacities)]}
	r.procs = procs[rng.IntN(len(procs))]
	switch {
	case c.isLong(i):
		r.mix, r.capacity = longMix, c.longCapacity(rng, i, capacities)
	case i >= c.minRounds(capacities) && len(c.wider) > 0 && rng.IntN(2) == 0:
		r.capacity = c.wider[rng.IntN(len(c.wider))]
	}
	if r.mix.parallel {
		r.procs = max(r.procs, 2)
	}
	steps := r.mix.steps(c.OpsPerGoroutine)
	if r.mix.slow {
		steps = min(steps, max(porcupineOps/c.Goroutines, 4))
	}
	if c.Model != models.FIFO {
		steps = min(steps, max(stackOps/c.Goroutines, 4))
	}
	r.scenario = scenario.Generate(rng, scenario.Config{
		Clients:  c.Goroutines,
		Steps:    steps,
		Capacity: r.capacity,
		Mix:      r.mix.mix,
		Shutdown: r.mix.shutdown,
		MaxYield: r.mix.maxYield,
	})
	r.scenario.Seed = c.Seed
	return r
}

// minRounds is the number of rounds every run makes (unless
// harness.WithRounds says otherwise): two per capacity, and the first
// long-lived round.
func (c *config) minRounds(capacities []int) int { return max(2*len(capacities), longFirst+1) }

// longCapacity returns the capacity of the long-lived round i: in turn, a
// wider capacity that is not a power of two (a modulo that wraps badly), a
// power of two (a mask), one of capacities; only capacities in turn with
// harness.WithCapacities.
func (c *config) longCapacity(rng *rand.Rand, i int, capacities []int) int {
	k := (i - longFirst) / longEvery
	var pool []int
	for _, n := range c.wider {
		if (k%3 == 0) == (n&(n-1) != 0) {
			pool = append(pool, n)
		}
	}
	if k%3 == 2 || len(pool) == 0 {
		return capacities[k%len(capacities)]
	}
	return pool[rng.IntN(len(pool))]
}
