package histgen

import (
	"container/heap"
	"math/rand/v2"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// PriorityConfig describes a simulated run of an unbounded priority
// queue (the smallest value comes out first) whose gets wait for an item:
// the clients, operations and bugs of a StackConfig (StackSecond: the get
// returns and removes the second smallest item; StackKeep: it returns the
// smallest and leaves it).
type PriorityConfig struct {
	StackConfig
	// Spread mixes the order of the put values: the k-th put's value has
	// priority k plus a random number up to Spread (0: values increase,
	// and the queue behaves as a FIFO queue). Values are distinct.
	Spread int
}

// Priority returns a history of cfg.Ops operations of a simulated
// priority queue, made as Stack makes a stack's: linearizable by
// construction unless cfg.Bug.
func Priority(rng *rand.Rand, cfg PriorityConfig) history.History {
	k := int64(0)
	next := func() int64 {
		k++
		return (k+int64(rng.IntN(cfg.Spread+1)))<<32 | k
	}
	return simulate(rng, cfg.StackConfig, models.Priority, &prioStore{}, next)
}

// prioStore is a priority queue's store: a min-heap.
type prioStore struct{ items minHeap }

func (s *prioStore) push(v int64) { heap.Push(&s.items, v) }
func (s *prioStore) size() int    { return len(s.items) }
func (s *prioStore) peek() int64  { return s.items[0] }
func (s *prioStore) take(second bool) int64 {
	k := 0
	if second { // the smaller child of the root
		k = 1
		if len(s.items) > 2 && s.items[2] < s.items[1] {
			k = 2
		}
	}
	return heap.Remove(&s.items, k).(int64)
}

// minHeap is a container/heap of int64, smallest on top.
type minHeap []int64

func (h minHeap) Len() int           { return len(h) }
func (h minHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h minHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }

// Push adds x (an int64).
func (h *minHeap) Push(x any) { *h = append(*h, x.(int64)) }

// Pop removes the last item.
func (h *minHeap) Pop() any {
	old := *h
	v := old[len(old)-1]
	*h = old[:len(old)-1]
	return v
}
