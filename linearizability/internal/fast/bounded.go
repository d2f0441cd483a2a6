package fast

import "fmt"

// bounded decides a history whose capacity could bind, once the patterns
// found nothing. Its Note says which case the history was.
func (fh *hist) bounded() (Result, bool) {
	c := fh.h.Capacity
	if v := fh.overfull(); v != nil {
		return v.result(), true
	}
	if why := fh.outsideOrderFragment(); why != "" {
		if fh.witness() {
			return Result{Note: fmt.Sprintf("capacity %d binds; %s, outside the exact fragment: a linearization was built and replayed", c, why)}, true
		}
		return Result{Note: fmt.Sprintf("capacity %d binds; %s, outside the exact fragment (every outcome known), and no linearization built replayed", c, why)}, false
	}
	out := fh.searchOrders(c)
	switch {
	case !out.decided:
		return Result{Note: fmt.Sprintf("capacity %d binds; the search over orders of the values gave up: %s", c, out.why)}, false
	case out.stuck != nil:
		r := out.stuck.result()
		r.Note = fmt.Sprintf("capacity %d binds: decided exactly by the search over orders of the values (layers of at most %d partial linearizations)", c, out.width)
		return r, true
	}
	if out.seq == nil || !fh.replay(out.seq) {
		// Cannot happen if the search is right; never claim a pass then.
		return Result{Note: fmt.Sprintf("capacity %d binds; the linearization found by the search did not replay (a checker bug: please report it)", c)}, false
	}
	how := fmt.Sprintf("decided exactly by the search over orders of the values (layers of at most %d partial linearizations)", out.width)
	if out.partial != "" {
		how = "a linearization found by the search over orders of the values (not exhaustive: " + out.partial + ")"
	}
	return Result{Note: fmt.Sprintf("capacity %d binds: %s; the linearization found was replayed", c, how)}, true
}

// outsideOrderFragment says why the history is not one the order search
// decides exactly, or "": it needs every outcome known.
func (fh *hist) outsideOrderFragment() string {
	if fh.unknownGets > 0 || len(fh.maybe) > 0 {
		return "it has operations with unknown outcomes"
	}
	for i := range fh.vals {
		if fh.vals[i].pr == inf {
			return "it has operations with unknown outcomes"
		}
	}
	return ""
}

// searchOrders runs the order search (orders.go). Without full results
// its fronts compare only what matters (the get returns are all +inf)
// and stay narrow: one exhaustive run. With them, the fronts widen: a
// first run whose fronts ignore the get returns but where it gets stuck
// (orders_repair.go; not exhaustive) usually finds a linearization at
// once; if it finds none, a run with the exact fronts, cut to a narrow
// beam, decides when no layer had to be cut.
func (fh *hist) searchOrders(c int) orderOutcome {
	s := newOrderSearch(fh, c)
	if len(fh.fulls) == 0 {
		return s.run(orderBeam, true)
	}
	if out := s.runRepairing(); out.seq != nil {
		return out
	}
	return s.run(orderBeamFull, true)
}
