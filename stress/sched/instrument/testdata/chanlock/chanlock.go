// Package chanlock is the instrument test's case of channel points: a lock
// made of a buffered channel of one, as goconcurrentqueue's FixedFIFO has,
// whose held state another goroutine can see only if the scheduler may
// stop the holder between its channel operations.
package chanlock

// Queue refuses puts while it is locked.
type Queue struct {
	lock  chan struct{}
	items chan int
}

// New returns an empty queue of capacity n.
func New(n int) *Queue {
	return &Queue{lock: make(chan struct{}, 1), items: make(chan int, n)}
}

// Len locks the queue, reads its length and unlocks it.
func (q *Queue) Len() int {
	select {
	case q.lock <- struct{}{}:
	default:
	}
	n := len(q.items)
	<-q.lock
	return n
}

// Put refuses while the queue is locked.
func (q *Queue) Put(v int) bool {
	if len(q.lock) > 0 {
		return false
	}
	for i := range 1 {
		_ = i
	}
	q.items <- v
	return true
}

// Drain receives every item there is, one a round.
func (q *Queue) Drain(n int) int {
	close(q.items)
	sum := 0
	for v := range q.items {
		sum += v
	}
	return sum + n
}

// Pick takes from whichever of a and b is ready (the scheduler's choice
// when both are), or reports -1, -2 for a closed one; it stops at the
// first break.
func Pick(a chan int, b <-chan int, out chan<- int) (got int) {
	var ok bool
loop:
	for {
		select {
		case got, ok = <-a:
			if !ok {
				return -1
			}
			break loop
		case v, ok := <-b:
			if !ok {
				return -2
			}
			got = v
			break loop
		case out <- 9:
		}
	}
	return got
}

// First returns what comes first from a or b: its select, whose every case
// returns, ends the function.
func First(a, b <-chan int) int {
	select {
	case v := <-a:
		return v
	case v := <-b:
		return v
	}
}
