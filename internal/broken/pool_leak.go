package broken

import "github.com/pcqkit/pcq/queue"

// poolNodes is the size of the arena of the leaking queue.
const poolNodes = 4096

// newPoolLeak returns a bounded queue that leaks a node each time it
// empties.
//
// The bug: the queue is a linked list whose nodes come from a fixed arena
// of 4096, through a free list; a get gives its node back, except the get
// that empties the list, which only resets head and tail. After 4096
// drains to empty the free list is dry: the queue counts as full, so
// TryPut answers ErrFull and Put blocks, on an empty queue.
//
// Bounded only, by its arena: it panics on a capacity below 1 or above
// 4096.
//
// Caught by: stress, in its long-lived rounds.
func newPoolLeak(capacity int) queue.Queue[int] {
	if capacity < 1 || capacity > poolNodes {
		panic("broken: the pooled queue takes a capacity from 1 to 4096")
	}
	q := newBase(capacity)
	p := &poolList{head: -1, tail: -1}
	for i := range poolNodes {
		p.free = append(p.free, int32(i))
	}
	q.items = p
	q.hooks.full = func(q *base) bool { return q.items.len() >= q.capacity || len(p.free) == 0 }
	return q
}

// poolList is a linked list of the nodes of an arena.
type poolList struct {
	val        [poolNodes]int
	next       [poolNodes]int32
	free       []int32 // the nodes not in the list
	head, tail int32   // -1: empty
	n          int
}

func (p *poolList) push(v int) {
	i := p.free[len(p.free)-1]
	p.free = p.free[:len(p.free)-1]
	p.val[i], p.next[i] = v, -1
	if p.tail < 0 {
		p.head = i
	} else {
		p.next[p.tail] = i
	}
	p.tail = i
	p.n++
}

func (p *poolList) pop() int {
	i := p.head
	v := p.val[i]
	p.n--
	if p.n == 0 {
		p.head, p.tail = -1, -1
		return v // BUG: must give node i back to the free list too
	}
	p.head = p.next[i]
	p.free = append(p.free, i)
	return v
}

func (p *poolList) peek() int { return p.val[p.head] }
func (p *poolList) len() int  { return p.n }
