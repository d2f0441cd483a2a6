package main

import (
	"cmp"
	"container/heap"
	"runtime"
	"sync"

	abq "github.com/adrianbrad/queue"
)

// stdHeapEnds drives the priority queue a Go programmer writes by hand:
// the standard library's container/heap under a sync.Mutex, with a
// sync.Cond on each side for the blocking put and get.
func stdHeapEnds(capacity int) ends {
	q := &stdHeap{max: capacity}
	q.notEmpty.L, q.notFull.L = &q.mu, &q.mu
	return ends{q.put, q.get}
}

// stdHeap is a bounded, blocking priority queue of ints: the smallest
// comes out first.
type stdHeap struct {
	mu                sync.Mutex
	notEmpty, notFull sync.Cond
	items             intHeap
	max               int
}

// put adds v, waiting while the heap is full.
func (q *stdHeap) put(v int) {
	q.mu.Lock()
	for len(q.items) == q.max {
		q.notFull.Wait()
	}
	heap.Push(&q.items, v)
	q.mu.Unlock()
	q.notEmpty.Signal()
}

// get removes and returns the smallest item, waiting while the heap is
// empty.
func (q *stdHeap) get() int {
	q.mu.Lock()
	for len(q.items) == 0 {
		q.notEmpty.Wait()
	}
	v := heap.Pop(&q.items).(int)
	q.mu.Unlock()
	q.notFull.Signal()
	return v
}

// intHeap is heap.Interface over ints, smallest first.
type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	v := old[len(old)-1]
	*h = old[:len(old)-1]
	return v
}

// adrianbradPriorityEnds drives adrianbrad/queue's Priority (a
// container/heap under a mutex) with its non-blocking Offer and Get and
// runtime.Gosched after each failure: it has no blocking calls.
func adrianbradPriorityEnds(capacity int) ends {
	q := abq.NewPriority([]int(nil), func(a, b int) bool { return cmp.Less(a, b) }, abq.WithCapacity(capacity))
	return ends{
		func(v int) {
			for q.Offer(v) != nil {
				runtime.Gosched()
			}
		},
		func() int {
			for {
				if v, err := q.Get(); err == nil {
					return v
				}
				runtime.Gosched()
			}
		},
	}
}
