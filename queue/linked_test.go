package queue

import (
	"context"
	"testing"
)

// TestLinkedSegmentBoundaries moves items through a Linked with the
// queue holding 0 to 3 segments' worth at once, across the small first
// segments and the full-grown ones: order, Len, and an immediate Shutdown
// that drains from the middle of a segment.
func TestLinkedSegmentBoundaries(t *testing.T) {
	for _, backlog := range []int{0, 1, 5, segSize - 1, segSize, 3*segSize + 7} {
		q := NewLinked[int]()
		next, put := 0, 0
		for put < 5*segSize {
			mustIs(t, "TryPut", q.TryPut(put), nil)
			put++
			if put-next <= backlog {
				continue
			}
			v, err := q.TryGet()
			if err != nil || v != next {
				t.Fatalf("backlog %d: TryGet = %d, %v; want %d", backlog, v, err, next)
			}
			next++
			if n := q.Len(); n != put-next {
				t.Fatalf("backlog %d: Len = %d, want %d", backlog, n, put-next)
			}
		}
		for range put - 1 - backlog {
			mustIs(t, "TaskDone", q.TaskDone(), nil)
		}
		mustIs(t, "Shutdown", q.Shutdown(true), nil)
		if n := q.Len(); n != 0 {
			t.Fatalf("backlog %d: Len after Shutdown(true) = %d", backlog, n)
		}
		mustIs(t, "TryGet after Shutdown(true)", second(q.TryGet()), ErrShutDown)
		mustIs(t, "TryPut after Shutdown(true)", q.TryPut(0), ErrShutDown)
		// backlog+1 tasks were unfinished and backlog items discarded.
		if n := tasksLeft(q); n != 1 {
			t.Fatalf("backlog %d: unfinished tasks = %d, want 1", backlog, n)
		}
		mustIs(t, "Join", q.Join(context.Background()), nil)
	}
}
