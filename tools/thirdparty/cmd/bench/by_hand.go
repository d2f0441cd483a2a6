package main

import (
	"container/heap"
	"sync"
)

// condQueue is the blocking queue a Go programmer writes by hand: a store
// under a sync.Mutex, with a sync.Cond on each side for the blocking put
// and get. It is the peer of pcq's queues guarded by one mutex (Locked,
// LIFO, Priority).
type condQueue struct {
	mu                sync.Mutex
	notEmpty, notFull sync.Cond
	items             store
	max               int
}

// A store is what a condQueue keeps its items in; the queue's mutex
// guards it.
type store interface {
	len() int
	add(v int)
	take() int
}

// byHand returns the two ends of a condQueue of the given capacity over
// items.
func byHand(items store, capacity int) ends {
	q := &condQueue{items: items, max: capacity}
	q.notEmpty.L, q.notFull.L = &q.mu, &q.mu
	return ends{q.put, q.get}
}

// put adds v, waiting while the queue is full.
func (q *condQueue) put(v int) {
	q.mu.Lock()
	for q.items.len() == q.max {
		q.notFull.Wait()
	}
	q.items.add(v)
	q.mu.Unlock()
	q.notEmpty.Signal()
}

// get removes and returns the next item, waiting while the queue is empty.
func (q *condQueue) get() int {
	q.mu.Lock()
	for q.items.len() == 0 {
		q.notEmpty.Wait()
	}
	v := q.items.take()
	q.mu.Unlock()
	q.notFull.Signal()
	return v
}

// fifo is a circular slice of a fixed size: the oldest item comes out first.
type fifo struct {
	items   []int
	head, n int
}

func fifoEnds(capacity int) ends { return byHand(&fifo{items: make([]int, capacity)}, capacity) }

func (f *fifo) len() int { return f.n }

func (f *fifo) add(v int) {
	f.items[(f.head+f.n)%len(f.items)] = v
	f.n++
}

func (f *fifo) take() int {
	v := f.items[f.head]
	f.head = (f.head + 1) % len(f.items)
	f.n--
	return v
}

// stack is a slice: the newest item comes out first.
type stack []int

func stackEnds(capacity int) ends { return byHand(&stack{}, capacity) }

func (s *stack) len() int { return len(*s) }

func (s *stack) add(v int) { *s = append(*s, v) }

func (s *stack) take() int {
	v := (*s)[len(*s)-1]
	*s = (*s)[:len(*s)-1]
	return v
}

// minHeap is the standard library's container/heap over ints: the
// smallest item comes out first.
type minHeap struct{ h intHeap }

func heapEnds(capacity int) ends { return byHand(&minHeap{}, capacity) }

func (m *minHeap) len() int { return len(m.h) }

func (m *minHeap) add(v int) { heap.Push(&m.h, v) }

func (m *minHeap) take() int { return heap.Pop(&m.h).(int) }

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
