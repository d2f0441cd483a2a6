package fast

// earliest schedules the values in the given order on a FIFO queue of
// capacity c (0: unbounded) as early as possible, and returns the steps,
// or nil when some step would come after its return.
//
// For a fixed order of the values and no empty or full results the
// earliest schedule decides exactly whether any schedule exists. Write
// k for the k-th value of the order, p_k and g_k for the instants of its
// put and get. The constraints are p_k in [pc_k, pr_k], g_k in [gc_k,
// gr_k], and the chains p_{k-1} <= p_k (puts in order), g_{k-1} <= g_k
// (gets in the same order: FIFO), p_k <= g_k (got after put) and g_{k-c}
// <= p_k (room: the (k-c)-th value left before the k-th came in). Every
// constraint bounds a step from below by a step before it (the graph
// put_k -> put_{k+1}, get_k -> get_{k+1}, put_k -> get_k, get_k ->
// put_{k+c} has no cycle), so the least solution of the lower bounds,
//
//	p_k = max(pc_k, p_{k-1}, g_{k-c}),  g_k = max(gc_k, g_{k-1}, p_k),
//
// is below every solution, step by step (induction along the graph): if
// it breaks a return, every schedule does. Equal instants are ordered
// along the graph (put_k before get_k before put_{k+c}), which the
// closed intervals allow. Values never got come last (FIFO: a value put
// before a got one is got before it) and need room like the others.
func (fh *hist) earliest(order []int32, c int) []event {
	n := len(order)
	p := make([]int64, n)
	g := make([]int64, n)
	got := 0
	for got < n && fh.vals[order[got]].got() {
		got++
	}
	for k := range n {
		v := &fh.vals[order[k]]
		at := v.pc
		if k > 0 {
			at = max(at, p[k-1])
		}
		if c > 0 && k >= c {
			if k-c >= got {
				return nil // more than c values would stay queued for ever
			}
			at = max(at, g[k-c])
		}
		if at > v.pr {
			return nil
		}
		p[k] = at
		if k >= got {
			continue
		}
		at = max(at, v.gc)
		if k > 0 {
			at = max(at, g[k-1])
		}
		if at > v.gr {
			return nil
		}
		g[k] = at
	}
	return fh.mergeChains(order, p, g[:got])
}

// mergeChains merges the put chain and the get chain into one sequence
// of steps, by instant, equal instants in the order put_k, get_k,
// put_{k+1}, ... (which puts get_{k-c} before put_k).
func (fh *hist) mergeChains(order []int32, p, g []int64) []event {
	seq := make([]event, 0, len(p)+len(g))
	i, j := 0, 0
	for i < len(p) || j < len(g) {
		if i < len(p) && (j == len(g) || p[i] < g[j] || (p[i] == g[j] && i <= j)) {
			seq = append(seq, event{fh.vals[order[i]].put, p[i]})
			i++
			continue
		}
		seq = append(seq, event{fh.vals[order[j]].get, g[j]})
		j++
	}
	return seq
}
