package fast

import "slices"

// With full results, the exact fronts (which compare get returns) are
// wide, and the fronts that ignore get returns are narrow but may drop
// the one partial linearization that could place a full result. So
// runRepairing runs with the narrow fronts and keeps a checkpoint of its
// layer every repairEvery layers; when it gets stuck, it goes back two
// checkpoints and runs that stretch with the exact fronts (cut to a
// beam), then narrow again. It is never exhaustive: only a linearization
// it finds counts (replayed), and finding none decides nothing.

// repairEvery is the distance between checkpoints, in layers: a full
// result reads the last c+1 values, so a few times c reaches the state
// that was dropped.
const repairEvery = 128

// checkpoint is a layer kept to go back to, its vectors copied.
type checkpoint struct {
	at    int
	layer []state
}

func (s *orderSearch) snapshot(at int, layer []state) checkpoint {
	cp := checkpoint{at: at, layer: slices.Clone(layer)}
	for i := range cp.layer {
		cp.layer[i].v = slices.Clone(cp.layer[i].v)
	}
	return cp
}

// runRepairing searches as described above.
func (s *orderSearch) runRepairing() orderOutcome {
	s.trail = append(s.trail[:0], step{-1, 0})
	layer := []state{s.root()}
	var next layerSet
	var older, newer checkpoint
	exactUntil, width := -1, 1
	total := len(s.rank) + len(s.probes)
	for at := 0; at < total; {
		if at%repairEvery == 0 && at > exactUntil {
			older, newer = newer, s.snapshot(at, layer)
		}
		next.reset()
		next.deadlines = at <= exactUntil
		s.arena, s.spare = s.spare, s.arena // the vectors of layer are in spare now
		s.arena.reset()
		for i := range layer {
			if why := s.expand(&layer[i], &next); why != "" {
				return orderOutcome{why: why}
			}
		}
		if len(next.states) == 0 {
			if at <= exactUntil || older.layer == nil && newer.layer == nil {
				return orderOutcome{why: "it was not exhaustive (its fronts ignored the get returns that full results read, then a beam) and found no linearization"}
			}
			back := older
			if back.layer == nil {
				back = newer
			}
			exactUntil = at + repairEvery
			layer, at = s.snapshot(back.at, back.layer).layer, back.at
			older, newer = checkpoint{}, checkpoint{}
			continue
		}
		width = max(width, len(next.states))
		if next.deadlines && len(next.states) > orderBeamFull {
			next.prune(orderBeamFull)
		}
		layer = s.keep(next.states, layer[:0])
		at++
	}
	return orderOutcome{decided: true, seq: s.witness(s.path(layer[0].id)), width: width,
		partial: "its fronts ignored the get returns that full results read, but where it got stuck"}
}
