package fast

import (
	"fmt"
	"math/bits"
	"strings"
)

// stuck explains why no value can follow the partial order st of k
// values (one of the partial orders the search kept): for each value that
// may come next, which return comes too early.
func (s *orderSearch) stuck(st *state, k int) *violation {
	end := min(s.lim[st.base], st.base+64)
	free := s.freeMins(st, end)
	var culprits []int
	var parts []string
	for rest := ^st.mask & lowBits(end-st.base); rest != 0 && len(parts) < 4; rest &= rest - 1 {
		r := st.base + int32(bits.TrailingZeros64(rest))
		if s.pc[r] > free.pr(r) || s.ga[r] > free.gr(r) {
			continue
		}
		part, ops := s.whyNotNext(st, r)
		parts = append(parts, part)
		culprits = append(culprits, ops...)
	}
	text := fmt.Sprintf("no order of the values fits a FIFO queue of capacity %d: every order of the first %d values that explains them leaves no value that can come next", s.c, k)
	if len(parts) > 0 {
		text += "; for example, after one of them: " + strings.Join(parts, "; ")
	}
	return &violation{culprits: culprits, text: text}
}

// whyNotNext says why rank r cannot come next after st, and names the
// operations that show it.
func (s *orderSearch) whyNotNext(st *state, r int32) (string, []int) {
	v := &s.fh.vals[s.rank[r]]
	p := max(st.pmax, s.pc[r])
	if len(st.v) == s.c && st.v[0] > p && st.v[0] > s.pr[r] {
		blocker := s.ahead(st.id, s.c-1)
		b := &s.fh.vals[blocker]
		ops := []int{int(v.put), int(b.put)}
		how := "never got"
		if b.got() {
			ops = append(ops, int(b.get))
			how = fmt.Sprintf("not got before %d (its get by %s was called then)", st.v[0], s.fh.who(b.get))
		}
		return fmt.Sprintf("the put of %d by %s returned at %d, but the queue was full until then: %d, %d places ahead, was %s",
			v.v, s.fh.who(v.put), v.pr, b.v, s.c, how), ops
	}
	if p > s.pr[r] {
		return fmt.Sprintf("the put of %d by %s returned at %d, before a put called at %d that must come first", v.v, s.fh.who(v.put), v.pr, p), []int{int(v.put)}
	}
	return fmt.Sprintf("%d, got by %s, could not be got before its get returned at %d", v.v, s.fh.who(v.get), v.gr), []int{int(v.put), int(v.get)}
}

// ahead returns the value index placed back steps before the state id.
func (s *orderSearch) ahead(id int32, back int) int32 {
	for range back {
		id = s.trail[id].parent
	}
	return s.rank[s.trail[id].rank]
}
