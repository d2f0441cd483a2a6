package sched

import (
	"fmt"
	"slices"
)

// DFS returns the explorer that runs every schedule with at most bound
// preemptions, each once (CHESS's iterative context bounding, Musuvathi and
// Qadeer, PLDI 2007). A preemption is letting another goroutine run while
// the current one could go on and did not yield; switching at a block, an
// exit or a yield is free, and the choices at a yield are fair ones (see
// [Choice.Alternatives]). When Next returns nil the exploration is
// complete: every schedule within the bound has run.
//
// The search is stateless: each schedule replays the decisions of the last
// one up to the deepest choice with an alternative left, takes that
// alternative, and goes on preempting nobody.
func DFS(bound int) Explorer { return &dfsExplorer{bound: bound} }

type dfsNode struct {
	choice      Choice
	tried       []int
	preemptions int // preemptions before this choice
}

type dfsExplorer struct {
	bound   int
	path    []dfsNode
	started bool
	replay  int // length of the prefix the current schedule replays
}

func (e *dfsExplorer) String() string { return fmt.Sprintf("dfs(preemptions <= %d)", e.bound) }

func (e *dfsExplorer) Next() Strategy {
	if !e.started {
		e.started = true
		return &dfsStrategy{e: e}
	}
	for i := len(e.path) - 1; i >= 0; i-- {
		n := &e.path[i]
		for _, id := range n.choice.Alternatives() {
			if slices.Contains(n.tried, id) || n.preemptions+cost(&n.choice, id) > e.bound {
				continue
			}
			n.tried = append(n.tried, id)
			n.choice.Chosen = id
			e.path = e.path[:i+1]
			e.replay = i + 1
			return &dfsStrategy{e: e}
		}
	}
	return nil
}

func (e *dfsExplorer) Done(r *Result) {
	pre := 0
	if k := len(e.path); k > 0 {
		last := e.path[k-1]
		pre = last.preemptions + cost(&last.choice, last.choice.Chosen)
	}
	for _, c := range r.Choices[min(e.replay, len(r.Choices)):] {
		e.path = append(e.path, dfsNode{choice: c, tried: []int{c.Chosen}, preemptions: pre})
		pre += cost(&c, c.Chosen)
	}
}

func cost(c *Choice, id int) int {
	if c.Preempts(id) {
		return 1
	}
	return 0
}

// dfsStrategy replays the explorer's path, then preempts nobody.
type dfsStrategy struct {
	e   *dfsExplorer
	i   int
	err error
}

// keepsChoices makes the run keep every Choice: Done backtracks over them.
func (s *dfsStrategy) keepsChoices() {}

// Err reports a replayed choice that found other goroutines runnable than
// the run it replays: the code under test is not deterministic.
func (s *dfsStrategy) Err() error { return s.err }

func (s *dfsStrategy) Next(c *Choice) int {
	i := s.i
	s.i++
	if i < s.e.replay {
		n := s.e.path[i]
		if !slices.Equal(n.choice.Enabled, c.Enabled) || n.choice.Current != c.Current {
			if s.err == nil {
				s.err = fmt.Errorf("%w: choice %d had goroutines %v runnable after goroutine %d, now %v after goroutine %d",
					ErrNondeterministic, i, n.choice.Enabled, n.choice.Current, c.Enabled, c.Current)
			}
			return c.Enabled[0]
		}
		return n.choice.Chosen
	}
	return c.Default()
}
