package queue

import "sync"

// LIFO is a last-in first-out queue guarded by one mutex: Python's
// LifoQueue. Get and TryGet return the newest item.
//
// Every operation is linearizable.
type LIFO[T any] struct {
	engine[T]
	s stack[T]
}

var _ Queue[int] = (*LIFO[int])(nil)

// NewLIFO returns an empty LIFO queue holding at most capacity items;
// capacity <= 0 means unbounded.
func NewLIFO[T any](capacity int) *LIFO[T] {
	q := &LIFO[T]{}
	q.s.max = max(capacity, 0)
	q.engine.init(&q.s, capacity)
	return q
}

// stack is a mutex-guarded slice of at most max items (0: no limit).
type stack[T any] struct {
	mu    sync.Mutex
	items []T
	max   int
	lockedCount
}

func (s *stack[T]) push(v T) pushResult {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return pushClosed
	}
	if s.max > 0 && len(s.items) == s.max {
		return pushFull
	}
	s.items = append(s.items, v)
	s.count()
	return pushed
}

func (s *stack[T]) pop() (T, bool) {
	var zero T
	s.mu.Lock()
	defer s.mu.Unlock()
	n := len(s.items)
	if n == 0 {
		return zero, false
	}
	v := s.items[n-1]
	s.items[n-1] = zero
	s.items = s.items[:n-1]
	if s.max == 0 && cap(s.items) > 64 && n-1 < cap(s.items)/4 {
		s.items = append([]T(nil), s.items...)
	}
	return v, true
}

func (s *stack[T]) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.items)
}

func (s *stack[T]) close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
}

func (s *stack[T]) drain() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := len(s.items)
	s.items = nil
	return n
}
