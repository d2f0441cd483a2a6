package queue

import (
	"sync"
	"sync/atomic"
)

// A waiter is one blocked call. It is woken by a token sent on ready (room
// for one), after it has been taken off its queue: a waiter that is no
// longer queued has been handed a wake-up, and if it gives up without using
// it, it must pass it on. Waiters are recycled: done returns one to the pool
// once its token, if any, has been taken.
type waiter struct {
	ready      chan struct{}
	prev, next *waiter
	queued     bool
}

// A waitq is a FIFO list of blocked calls, the golang.org/x/sync/semaphore
// pattern: one channel per waiter, so that a waiter can also select on its
// context, and a wake-up goes to exactly one waiter (or to all).
//
// n counts the queued waiters so that the fast path of an operation never
// takes the mutex. The protocol against lost wake-ups is Dekker's: a waiter
// registers (n.Add, sequentially consistent) and then tries its operation
// once more before it sleeps; a waker changes the state the waiter waits for
// and then loads n. Either the waiter's retry sees the change or the waker
// sees the waiter.
type waitq struct {
	n          atomic.Int32
	mu         sync.Mutex
	head, tail *waiter
}

var waiterPool = sync.Pool{New: func() any {
	return &waiter{ready: make(chan struct{}, 1)}
}}

// add queues a waiter at the back.
func (q *waitq) add() *waiter {
	w := waiterPool.Get().(*waiter)
	q.mu.Lock()
	w.queued = true
	w.prev = q.tail
	if q.tail == nil {
		q.head = w
	} else {
		q.tail.next = w
	}
	q.tail = w
	q.n.Add(1)
	q.mu.Unlock()
	return w
}

// remove unlinks w; q.mu must be held and w queued.
func (q *waitq) remove(w *waiter) {
	if w.prev == nil {
		q.head = w.next
	} else {
		w.prev.next = w.next
	}
	if w.next == nil {
		q.tail = w.prev
	} else {
		w.next.prev = w.prev
	}
	w.prev, w.next, w.queued = nil, nil, false
	q.n.Add(-1)
}

// wakeOne wakes the waiter at the front, if any. Its check is small
// enough to be inlined into every put and get.
func (q *waitq) wakeOne() {
	if q.n.Load() != 0 {
		q.wakeFront()
	}
}

// wakeFront wakes the waiter at the front, if any is still queued.
func (q *waitq) wakeFront() {
	q.mu.Lock()
	if w := q.head; w != nil {
		q.remove(w)
		w.ready <- struct{}{}
	}
	q.mu.Unlock()
}

// wakeAll wakes every queued waiter.
func (q *waitq) wakeAll() {
	if q.n.Load() == 0 {
		return
	}
	q.mu.Lock()
	for w := q.head; w != nil; w = q.head {
		q.remove(w)
		w.ready <- struct{}{}
	}
	q.mu.Unlock()
}

// leave takes w off the queue if it is still there and recycles it. It
// reports whether w had already been woken, in which case the caller owns a
// wake-up that it must use or pass on. w must not be used afterwards.
func (q *waitq) leave(w *waiter) (woken bool) {
	q.mu.Lock()
	woken = !w.queued
	if !woken {
		q.remove(w)
	}
	q.mu.Unlock()
	if woken {
		<-w.ready // sent before the waker unlocked
	}
	waiterPool.Put(w)
	return woken
}

// woke recycles w after its token was received from w.ready.
func (q *waitq) woke(w *waiter) {
	waiterPool.Put(w)
}
