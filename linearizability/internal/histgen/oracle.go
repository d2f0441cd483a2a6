package histgen

import (
	"fmt"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// BruteForce decides a small history (at most 20 operations) by
// trying every order, memoised on (operations done, queue state), over the
// generator's own sequential queue: a third opinion, independent of the
// models package, for when the fast checker and porcupine disagree.
func BruteForce(h history.History) bool {
	b := &brute{h: h, seen: map[string]bool{}}
	return b.search(0, &Queue{Kind: h.Kind, Capacity: h.Capacity})
}

type brute struct {
	h    history.History
	seen map[string]bool
}

func (b *brute) unknown(i int) bool { return b.h.Operations[i].Output.Result == models.Unknown }

func (b *brute) search(done uint32, q *Queue) bool {
	n := len(b.h.Operations)
	if done == 1<<n-1 {
		return true
	}
	key := fmt.Sprint(done, q.Items, q.Unfinished, q.Shut)
	if b.seen[key] {
		return false
	}
	b.seen[key] = true
	for i := range n {
		if done&(1<<i) != 0 || !b.minimal(done, i) {
			continue
		}
		op := b.h.Operations[i]
		if b.unknown(i) {
			if b.search(done|1<<i, q) { // no effect
				return true
			}
			c := q.Clone()
			c.Do(op.Input)
			if b.search(done|1<<i, c) {
				return true
			}
			continue
		}
		c := q.Clone()
		if c.Allows(op.Input, op.Output) && b.search(done|1<<i, c) {
			return true
		}
	}
	return false
}

// minimal reports whether operation i may come next: no operation still to
// place returned before i was called.
func (b *brute) minimal(done uint32, i int) bool {
	for j, op := range b.h.Operations {
		if done&(1<<j) == 0 && !b.unknown(j) && op.Return < b.h.Operations[i].Call {
			return false
		}
	}
	return true
}
