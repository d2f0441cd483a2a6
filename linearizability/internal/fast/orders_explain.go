package fast

import (
	"fmt"
	"math/bits"
	"strings"
)

// stuck explains why no step can follow the partial linearization st
// (one of those the search kept): for each value or result that may come
// next, which return comes too early.
func (s *orderSearch) stuck(st *state) *violation {
	end, pend, _ := s.windows(st)
	free := s.freeMins(st, end, pend)
	var culprits []int
	var parts []string
	for rest := ^st.mask & lowBits(end-st.base); rest != 0 && len(parts) < 4; rest &= rest - 1 {
		r := st.base + int32(bits.TrailingZeros64(rest))
		if s.pc[r] > free.pr.except(r) || s.ga[r] > free.gr.except(r) || s.pc[r] > free.r.except(-1) || s.ga[r] > free.re {
			continue
		}
		part, ops := s.whyNotValue(st, r)
		parts = append(parts, part)
		culprits = append(culprits, ops...)
	}
	for rest := ^st.pmask & lowBits(pend-st.pbase); rest != 0 && len(parts) < 6; rest &= rest - 1 {
		i := st.pbase + int32(bits.TrailingZeros64(rest))
		x := &s.probes[i]
		if x.c > free.pr.except(-1) || x.c > free.gr.except(-1) || x.c > free.r.except(i) {
			continue
		}
		parts = append(parts, s.whyNotProbe(st, x))
		culprits = append(culprits, int(x.op))
	}
	text := fmt.Sprintf("no linearization fits a FIFO queue of capacity %d: every order of the first %d values (and the full or empty results among them) that explains them leaves nothing that can come next",
		s.c, st.k)
	if len(parts) > 0 {
		text += "; for example, after one of them: " + strings.Join(parts, "; ")
	}
	return &violation{culprits: culprits, text: text}
}

// whyNotValue says why rank r cannot come next after st, and names the
// operations that show it.
func (s *orderSearch) whyNotValue(st *state, r int32) (string, []int) {
	v := &s.fh.vals[s.rank[r]]
	p := max(st.floor, s.pc[r], st.plast)
	if room := st.v[1]; room > p && room > s.pr[r] {
		if blocker := s.ahead(st.id, s.c-1); blocker >= 0 {
			b := &s.fh.vals[blocker]
			ops := []int{int(v.put), int(b.put)}
			how := "never got"
			if b.got() {
				ops = append(ops, int(b.get))
				how = "not got before " + s.fh.times.text(room)
			}
			return fmt.Sprintf("the put of %d by %s returned at %s, but the queue was full until then: %d, %d places ahead, was %s",
				v.v, s.fh.who(v.put), s.fh.times.text(v.pr), b.v, s.c, how), ops
		}
	}
	if p > s.pr[r] {
		return fmt.Sprintf("the put of %d by %s returned at %s, before the queue could take it (at %s)",
			v.v, s.fh.who(v.put), s.fh.times.text(v.pr), s.fh.times.text(p)), []int{int(v.put)}
	}
	return fmt.Sprintf("%d, got by %s, could not be got before its get returned at %s", v.v, s.fh.who(v.get), s.fh.times.text(v.gr)), []int{int(v.put), int(v.get)}
}

// whyNotProbe says why the full or empty result x cannot come next.
func (s *orderSearch) whyNotProbe(st *state, x *probe) string {
	what := "full"
	if x.empty {
		what = "empty"
	}
	return fmt.Sprintf("%s answered %s by %s, but the queue could not be %s then", s.fh.who(x.op), what, s.fh.times.text(x.r), what)
}

// ahead returns the value index placed back values before the state id
// (results skipped), or -1.
func (s *orderSearch) ahead(id int32, back int) int32 {
	for id > 0 {
		if w := s.trail[id].what; w >= 0 {
			if back == 0 {
				return s.rank[w]
			}
			back--
		}
		id = s.trail[id].parent
	}
	return -1
}
