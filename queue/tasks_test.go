package queue

import (
	"context"
	"testing"
)

func TestTaskDoneTooMany(t *testing.T) {
	forEach(t, 3, func(t *testing.T, c suiteCase) {
		q := c.new(c.capacity)
		mustIs(t, "TaskDone on new queue", q.TaskDone(), ErrTaskDone)
		fill(t, q, 2)
		mustIs(t, "TaskDone", q.TaskDone(), nil)
		mustIs(t, "TaskDone", q.TaskDone(), nil)
		mustIs(t, "TaskDone beyond puts", q.TaskDone(), ErrTaskDone)
		mustIs(t, "TaskDone beyond puts", q.TaskDone(), ErrTaskDone)
		// The failed calls changed nothing: one more put, one more done.
		mustIs(t, "TryPut", q.TryPut(3), nil)
		mustIs(t, "Join", q.Join(doneCtx()), context.Canceled)
		mustIs(t, "TaskDone", q.TaskDone(), nil)
		mustIs(t, "Join", q.Join(doneCtx()), nil)
		mustIs(t, "TaskDone", q.TaskDone(), ErrTaskDone)
	})
}

func TestJoin(t *testing.T) {
	forEach(t, 3, func(t *testing.T, c suiteCase) {
		q := c.new(c.capacity)
		mustIs(t, "Join with no task", q.Join(context.Background()), nil)
		fill(t, q, 2)
		mustIs(t, "Join with deadline", q.Join(shortCtx(t)), context.DeadlineExceeded)
		ctx, cancel := context.WithCancel(context.Background())
		j1 := async(func() error { return q.Join(context.Background()) })
		j2 := async(func() error { return q.Join(context.Background()) })
		j3 := async(func() error { return q.Join(ctx) })
		blocked(t, "Join", j1)
		cancel()
		mustIs(t, "canceled Join", result(t, "Join", j3), context.Canceled)
		for range 2 {
			if _, err := q.TryGet(); err != nil {
				t.Fatal(err)
			}
		}
		blocked(t, "Join after gets without TaskDone", j1)
		mustIs(t, "TaskDone", q.TaskDone(), nil)
		blocked(t, "Join with one task left", j2)
		mustIs(t, "TaskDone", q.TaskDone(), nil)
		mustIs(t, "Join", result(t, "Join", j1), nil)
		mustIs(t, "Join", result(t, "Join", j2), nil)
	})
}

func TestTasksIgnoreShutdown(t *testing.T) {
	forEach(t, 3, func(t *testing.T, c suiteCase) {
		q := c.new(c.capacity)
		fill(t, q, 2)
		q.Shutdown(false)
		join := async(func() error { return q.Join(context.Background()) })
		blocked(t, "Join after Shutdown(false)", join)
		mustIs(t, "TaskDone", q.TaskDone(), nil)
		mustIs(t, "TaskDone", q.TaskDone(), nil)
		mustIs(t, "Join", result(t, "Join", join), nil)
		mustIs(t, "TaskDone", q.TaskDone(), ErrTaskDone)
	})
}

func TestFailedPutsAddNoTask(t *testing.T) {
	forEachBounded(t, 1, func(t *testing.T, c suiteCase) {
		q := c.new(1)
		fill(t, q, 1)
		mustIs(t, "TryPut", q.TryPut(2), ErrFull)
		mustIs(t, "Put", q.Put(shortCtx(t), 2), context.DeadlineExceeded)
		q.Shutdown(false)
		mustIs(t, "TryPut", q.TryPut(2), ErrShutDown)
		if n := tasksLeft(q); n != 1 {
			t.Fatalf("unfinished tasks = %d, want 1", n)
		}
	})
}
