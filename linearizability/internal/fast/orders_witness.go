package fast

// witness turns the steps the search found into a linearization: the
// earliest schedule of Lemma 1, recomputed step by step with every
// instant kept, then merged into one sequence. The replay (replay.go)
// checks it, so a mistake here can only cost a verdict, never make one.
func (s *orderSearch) witness(path []int32) []event {
	c := s.c
	var puts, gets []event
	var results []placed
	floor, plast, last := -inf, -inf, -inf
	for _, what := range path {
		k := len(puts)
		if what >= 0 {
			v := &s.fh.vals[s.rank[what]]
			p := max(floor, s.pc[what], plast)
			if k >= c {
				p = max(p, gets[k-c].at)
			}
			floor, plast = max(floor, s.pc[what]), p
			puts = append(puts, event{v.put, p})
			if v.got() {
				g := max(s.ga[what], p)
				if k > 0 {
					g = max(g, gets[k-1].at)
				}
				gets = append(gets, event{v.get, g})
			}
			continue
		}
		x := &s.probes[-1-what]
		t := max(x.c, plast, last)
		if x.empty {
			if k > 0 && k <= len(gets) {
				t = max(t, gets[k-1].at)
			}
			floor = max(floor, t)
		} else {
			if k > c && k-c <= len(gets) {
				t = max(t, gets[k-c-1].at)
			}
			for j := k - c; j < k && j < len(gets); j++ {
				gets[j].at = max(gets[j].at, t)
			}
		}
		last = t
		results = append(results, placed{event{x.op, t}, k, x.empty})
	}
	return mergeSteps(puts, gets, results, c)
}

// placed is a full or empty result with where it goes: after k values.
type placed struct {
	event
	k     int
	empty bool
}

// mergeSteps merges the puts, the gets and the results into one
// sequence: repeatedly the earliest step whose predecessors are all in
// (Lemma 1's order), so the instants never decrease. It returns nil if
// it gets stuck, which a correct schedule never does.
func mergeSteps(puts, gets []event, results []placed, c int) []event {
	// the values placed before the first empty (full) result from i on
	nextEmpty, nextFull := make([]int, len(results)+1), make([]int, len(results)+1)
	nextEmpty[len(results)], nextFull[len(results)] = len(puts)+1, len(puts)+c+1
	for i := len(results) - 1; i >= 0; i-- {
		nextEmpty[i], nextFull[i] = nextEmpty[i+1], nextFull[i+1]
		if results[i].empty {
			nextEmpty[i] = results[i].k
		} else {
			nextFull[i] = results[i].k
		}
	}
	seq := make([]event, 0, len(puts)+len(gets)+len(results))
	var ip, ig, ir int
	for ip < len(puts) || ig < len(gets) || ir < len(results) {
		best, at := -1, inf
		// the next put: room, and every empty result placed before it
		if ip < len(puts) && (ip < c || ig > ip-c) && nextEmpty[ir] > ip && puts[ip].at <= at {
			best, at = 0, puts[ip].at
		}
		// the next get: its put, and every full result placed before it
		if ig < len(gets) && ig < ip && nextFull[ir]-c > ig && gets[ig].at < at {
			best, at = 1, gets[ig].at
		}
		// the next result: the values before it put, and got (empty) or
		// got but the last c (full)
		if ir < len(results) {
			x := &results[ir]
			need := x.k
			if !x.empty {
				need = x.k - c
			}
			if ip >= x.k && ig >= min(need, len(gets)) && x.at < at {
				best = 2
			}
		}
		switch best {
		case 0:
			seq = append(seq, puts[ip])
			ip++
		case 1:
			seq = append(seq, gets[ig])
			ig++
		case 2:
			seq = append(seq, results[ir].event)
			ir++
		default:
			return nil
		}
	}
	return seq
}
