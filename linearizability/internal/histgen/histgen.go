// Package histgen generates random queue histories for testing the
// checkers: linearizable by construction, and mutated by small realistic
// corruptions that may or may not break linearizability. Put values are
// always distinct.
package histgen

import (
	"cmp"
	"math/rand/v2"
	"slices"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// Mix selects the operations and outcomes a generated history may hold.
type Mix uint16

// The parts of a [Mix].
const (
	MixPut Mix = 1 << iota
	MixTryPut
	MixGet
	MixTryGet
	MixLen
	MixTaskDone
	MixJoin
	MixShutdown
	MixUnknown  // some clients' last operation never returns
	MixCanceled // some blocking operations are canceled on purpose
)

// MixQueue is put, try_put, get and try_get, with canceled operations.
const MixQueue = MixPut | MixTryPut | MixGet | MixTryGet | MixCanceled

// MixAll is every operation and outcome.
const MixAll = MixQueue | MixLen | MixTaskDone | MixJoin | MixShutdown | MixUnknown

// Config describes the histories to generate.
type Config struct {
	Kind     models.Kind
	Capacity int // 0: unbounded
	Clients  int // clients at any time (at least 1)
	Ops      int // operations in all
	Overlap  int // the longest operation, in clock ticks; 0: every operation is an instant
	OpMix    Mix // 0: MixQueue
}

// plan is one operation being generated: its times and where it takes
// effect.
type plan struct {
	op      history.Operation
	lin     int64 // the instant it takes effect
	seq     int   // generation order, to break ties of lin
	unknown bool  // never returns
	effect  bool  // for an unknown operation: whether it took effect
}

// Linearizable returns a random history of cfg.Ops operations that a
// correct sequential queue produces when each operation takes effect at a
// random instant inside its interval: linearizable by construction.
func Linearizable(rng *rand.Rand, cfg Config) history.History {
	cfg = cfg.normal()
	plans := schedule(rng, cfg)
	order := make([]*plan, len(plans))
	for i := range plans {
		order[i] = &plans[i]
	}
	slices.SortFunc(order, func(a, b *plan) int {
		if c := cmp.Compare(a.lin, b.lin); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
	q := &Queue{Kind: cfg.Kind, Capacity: cfg.Capacity}
	for _, p := range order {
		p.op.Output = execute(rng, q, p, cfg.OpMix)
	}
	h := history.History{Kind: cfg.Kind, Capacity: cfg.Capacity}
	for _, p := range plans {
		h.Operations = append(h.Operations, p.op)
	}
	return h
}

func (cfg Config) normal() Config {
	cfg.Clients = max(cfg.Clients, 1)
	cfg.Overlap = max(cfg.Overlap, 0)
	if cfg.OpMix&(MixPut|MixTryPut|MixGet|MixTryGet|MixLen|MixTaskDone|MixJoin|MixShutdown) == 0 {
		cfg.OpMix |= MixQueue
	}
	return cfg
}

// execute runs p on q at its instant and returns what the client saw.
func execute(rng *rand.Rand, q *Queue, p *plan, mix Mix) models.Output {
	in := p.op.Input
	blocking := in.Op == models.Put || in.Op == models.Get || in.Op == models.Join
	switch {
	case p.unknown:
		if p.effect {
			q.Do(in)
		}
		return models.Output{Result: models.Unknown}
	case mix&MixCanceled != 0 && blocking && rng.IntN(8) == 0:
		return models.Output{Result: models.Canceled}
	}
	return q.Do(in)
}
