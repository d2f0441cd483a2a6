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
		return Result{Note: fmt.Sprintf("capacity %d binds; %s, outside the exact fragment (puts and gets answered ok), and no linearization built replayed", c, why)}, false
	}
	out := newOrderSearch(fh, c).run()
	switch {
	case !out.decided:
		return Result{Note: fmt.Sprintf("capacity %d binds; the search over orders of the values gave up: %s", c, out.why)}, false
	case out.stuck != nil:
		r := out.stuck.result()
		r.Note = fmt.Sprintf("capacity %d binds: decided exactly by the search over orders of the values (at most %d partial orders at once)", c, out.width)
		return r, true
	}
	if seq := fh.earliest(out.order, c); seq == nil || !fh.replay(seq) {
		// Cannot happen if the search is right; never claim a pass then.
		return Result{Note: fmt.Sprintf("capacity %d binds; the order found by the search did not replay (a checker bug: please report it)", c)}, false
	}
	return Result{Note: fmt.Sprintf("capacity %d binds: decided exactly by the search over orders of the values (at most %d partial orders at once); the linearization found was replayed", c, out.width)}, true
}

// outsideOrderFragment says why the history is not one the order search
// decides exactly, or "": it needs every result to be an ok put or get
// (canceled ones dropped).
func (fh *hist) outsideOrderFragment() string {
	switch {
	case len(fh.fulls) > 0 && len(fh.empties) > 0:
		return "it has full and empty results"
	case len(fh.fulls) > 0:
		return "it has full results"
	case len(fh.empties) > 0:
		return "it has empty results"
	case fh.unknownGets > 0 || len(fh.maybe) > 0:
		return "it has operations with unknown outcomes"
	}
	for i := range fh.vals {
		if fh.vals[i].pr == inf {
			return "it has operations with unknown outcomes"
		}
	}
	return ""
}
