package sched

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// PCT returns the explorer of probabilistic concurrency testing with bug
// depth depth (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010):
// each goroutine gets a random priority when it is created, the goroutine
// with the highest priority that can run runs, and at depth-1 random steps
// the running goroutine drops below every other. A bug that needs d ordering
// constraints is found by each schedule with probability at least
// 1/(n·k^(d-1)) for n goroutines and k steps.
//
// Spin loops would starve under strict priorities, so a goroutine that
// yields (Gosched) drops below every other too (as shuttle does).
func PCT(seed int64, depth int) Explorer {
	return &pctExplorer{seed: seed, depth: max(depth, 1), steps: 64}
}

type pctExplorer struct {
	seed  int64
	depth int
	steps int // the longest schedule seen: k
	n     uint64
}

func (e *pctExplorer) Next() Strategy {
	e.n++
	rng := rand.New(rand.NewPCG(uint64(e.seed), e.n))
	s := &pctStrategy{rng: rng}
	for i := 1; i < e.depth; i++ {
		s.changes = append(s.changes, pctChange{step: rng.IntN(e.steps), prio: e.depth - i})
	}
	slices.SortFunc(s.changes, func(a, b pctChange) int { return a.step - b.step })
	return s
}

func (e *pctExplorer) Done(r *Result) { e.steps = max(e.steps, r.Steps) }

func (e *pctExplorer) String() string { return fmt.Sprintf("pct(depth %d)", e.depth) }

// A pctChange lowers the running goroutine's priority to prio at step.
type pctChange struct{ step, prio int }

type pctStrategy struct {
	rng     *rand.Rand
	prio    []int // by goroutine; initial priorities are above every change's
	changes []pctChange
	lowest  int
}

func (s *pctStrategy) Next(c *Choice) int {
	for len(s.prio) < c.Goroutines {
		s.prio = append(s.prio, 1<<20+s.rng.IntN(1<<30))
	}
	for len(s.changes) > 0 && s.changes[0].step <= c.Step {
		if c.Current >= 0 {
			s.lower(c.Current, s.changes[0].prio)
		}
		s.changes = s.changes[1:]
	}
	if c.Yielded {
		s.lower(c.Current, s.lowest-1)
	}
	best := c.Enabled[0]
	for _, id := range c.Enabled[1:] {
		if s.prio[id] > s.prio[best] {
			best = id
		}
	}
	return best
}

func (s *pctStrategy) lower(id, prio int) {
	s.prio[id] = prio
	s.lowest = min(s.lowest, prio)
}
