package histgen

import (
	"math/rand/v2"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// client is a slot of the simulation: the client id that currently uses
// it and the earliest time it may call again.
type client struct {
	id   int
	free int64
}

// schedule picks the operations, their clients and their times. The next
// operation always goes to the client that is free first, so that clients
// interleave; an unknown operation retires its client id.
func schedule(rng *rand.Rand, cfg Config) []plan {
	slots := make([]client, cfg.Clients)
	for i := range slots {
		slots[i] = client{id: i, free: int64(rng.IntN(cfg.Overlap + 1))}
	}
	next := cfg.Clients
	used := map[int64]bool{}
	plans := make([]plan, 0, cfg.Ops)
	for k := 0; k < cfg.Ops; k++ {
		s := earliest(rng, slots)
		dur := int64(rng.IntN(cfg.Overlap + 1))
		call := slots[s].free
		p := plan{seq: k, lin: call + rng.Int64N(dur+1)}
		p.op = history.Operation{Client: slots[s].id, Input: pickInput(rng, cfg, used), Call: call, Return: call + dur}
		slots[s].free = call + dur + 1 + int64(rng.IntN(cfg.Overlap/2+1))
		if cfg.OpMix&MixUnknown != 0 && rng.IntN(10) == 0 {
			p.unknown, p.effect = true, rng.IntN(2) == 0
			p.op.Return = 0
			slots[s].id = next
			next++
		}
		plans = append(plans, p)
	}
	return plans
}

// earliest returns the slot that is free first, ties broken at random.
func earliest(rng *rand.Rand, slots []client) int {
	best, ties := 0, 1
	for i := 1; i < len(slots); i++ {
		switch {
		case slots[i].free < slots[best].free:
			best, ties = i, 1
		case slots[i].free == slots[best].free:
			ties++
			if rng.IntN(ties) == 0 {
				best = i
			}
		}
	}
	return best
}

// weights gives how often each operation of a mix is picked.
var weights = []struct {
	mix Mix
	op  models.Op
	w   int
}{
	{MixPut, models.Put, 6}, {MixTryPut, models.TryPut, 4},
	{MixGet, models.Get, 5}, {MixTryGet, models.TryGet, 5},
	{MixLen, models.Len, 1}, {MixTaskDone, models.TaskDone, 2},
	{MixJoin, models.Join, 1}, {MixShutdown, models.Shutdown, 1},
}

// pickInput picks an operation of the mix; puts get a fresh value.
func pickInput(rng *rand.Rand, cfg Config, used map[int64]bool) models.Input {
	total := 0
	for _, w := range weights {
		if cfg.OpMix&w.mix != 0 {
			total += w.w
		}
	}
	n := rng.IntN(total)
	var in models.Input
	for _, w := range weights {
		if cfg.OpMix&w.mix == 0 {
			continue
		}
		if n < w.w {
			in.Op = w.op
			break
		}
		n -= w.w
	}
	switch in.Op {
	case models.Put, models.TryPut:
		in.Value = freshValue(rng, cfg, used)
	case models.Shutdown:
		in.Immediate = rng.IntN(2) == 0
	}
	return in
}

// freshValue returns a value not used before, small enough to read.
func freshValue(rng *rand.Rand, cfg Config, used map[int64]bool) int64 {
	span := int64(4*cfg.Ops + 10)
	for {
		v := 1 + rng.Int64N(span)
		if !used[v] {
			used[v] = true
			return v
		}
	}
}
