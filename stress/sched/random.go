package sched

import "math/rand/v2"

// Random returns the explorer that lets a uniformly random goroutine run at
// every choice (a goroutine that yielded is passed over when anyone else can
// run). Schedule i of seed s is the same on every run.
func Random(seed int64) Explorer { return &randomExplorer{seed: seed} }

type randomExplorer struct {
	seed int64
	n    uint64
}

func (e *randomExplorer) Next() Strategy {
	e.n++
	return &randomStrategy{rng: rand.New(rand.NewPCG(uint64(e.seed), e.n))}
}

func (e *randomExplorer) Done(*Result) {}

func (e *randomExplorer) String() string { return "random" }

type randomStrategy struct{ rng *rand.Rand }

func (s *randomStrategy) Next(c *Choice) int {
	alts := c.Alternatives()
	return alts[s.rng.IntN(len(alts))]
}
