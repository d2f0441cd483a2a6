package queue

import (
	"context"
	"testing"
)

func TestShutdownWakesBlockedPutters(t *testing.T) {
	forEachBounded(t, 2, func(t *testing.T, c suiteCase) {
		q := c.new(2)
		fill(t, q, 2)
		p1 := async(func() error { return q.Put(context.Background(), 3) })
		p2 := async(func() error { return q.Put(context.Background(), 4) })
		blocked(t, "Put on full queue", p1)
		mustIs(t, "Shutdown", q.Shutdown(false), nil)
		mustIs(t, "blocked Put", result(t, "Put", p1), ErrShutDown)
		mustIs(t, "blocked Put", result(t, "Put", p2), ErrShutDown)
		for _, w := range expectOrder(c.order, []int{1, 2}) {
			mustGet(t, q, w) // queued items can still be got
		}
		_, err := q.TryGet()
		mustIs(t, "TryGet on shut-down empty queue", err, ErrShutDown)
		_, err = q.Get(context.Background())
		mustIs(t, "Get on shut-down empty queue", err, ErrShutDown)
		if n := tasksLeft(q); n != 2 {
			t.Fatalf("unfinished tasks = %d, want 2", n)
		}
	})
}

func TestShutdownWakesBlockedGetters(t *testing.T) {
	forEach(t, 2, func(t *testing.T, c suiteCase) {
		q := c.new(c.capacity)
		g1 := async(func() error { _, err := q.Get(context.Background()); return err })
		g2 := async(func() error { _, err := q.Get(context.Background()); return err })
		blocked(t, "Get on empty queue", g1)
		mustIs(t, "Shutdown", q.Shutdown(false), nil)
		mustIs(t, "blocked Get", result(t, "Get", g1), ErrShutDown)
		mustIs(t, "blocked Get", result(t, "Get", g2), ErrShutDown)
	})
}

func TestShutdownCheckedBeforeFullness(t *testing.T) {
	forEachBounded(t, 2, func(t *testing.T, c suiteCase) {
		q := c.new(2)
		fill(t, q, 2)
		q.Shutdown(false)
		mustIs(t, "TryPut on full shut-down queue", q.TryPut(3), ErrShutDown)
		mustIs(t, "Put on full shut-down queue", q.Put(context.Background(), 3), ErrShutDown)
		if q.Len() != 2 {
			t.Fatalf("Len = %d, want 2", q.Len())
		}
	})
}

func TestShutDownWinsOverEmpty(t *testing.T) {
	forEach(t, 2, func(t *testing.T, c suiteCase) {
		q := c.new(c.capacity)
		q.Shutdown(false)
		mustIs(t, "TryPut", q.TryPut(1), ErrShutDown)
		_, err := q.TryGet()
		mustIs(t, "TryGet on shut-down empty queue", err, ErrShutDown)
		_, err = q.Get(doneCtx())
		mustIs(t, "Get on shut-down empty queue", err, ErrShutDown)
		if q.Len() != 0 {
			t.Fatalf("Len = %d", q.Len())
		}
		mustIs(t, "TaskDone", q.TaskDone(), ErrTaskDone)
		mustIs(t, "Join", q.Join(context.Background()), nil)
	})
}

// TestShutdownImmediate is the example: put 3, get 1,
// Shutdown(true) leaves exactly one unfinished task.
func TestShutdownImmediate(t *testing.T) {
	forEach(t, 3, func(t *testing.T, c suiteCase) {
		q := c.new(c.capacity)
		fill(t, q, 3)
		if _, err := q.TryGet(); err != nil {
			t.Fatal(err)
		}
		mustIs(t, "Shutdown(true)", q.Shutdown(true), nil)
		if q.Len() != 0 {
			t.Fatalf("Len = %d after Shutdown(true)", q.Len())
		}
		_, err := q.TryGet()
		mustIs(t, "TryGet after Shutdown(true)", err, ErrShutDown)
		mustIs(t, "TryPut after Shutdown(true)", q.TryPut(9), ErrShutDown)
		mustIs(t, "Join with one task left", q.Join(shortCtx(t)), context.DeadlineExceeded)
		join := async(func() error { return q.Join(context.Background()) })
		blocked(t, "Join", join)
		mustIs(t, "TaskDone", q.TaskDone(), nil)
		mustIs(t, "Join", result(t, "Join", join), nil)
		mustIs(t, "TaskDone beyond", q.TaskDone(), ErrTaskDone)
	})
}

// TestShutdownImmediateNeverBelowZero: the count is lowered by the number
// of items drained, but not below zero.
func TestShutdownImmediateNeverBelowZero(t *testing.T) {
	forEach(t, 3, func(t *testing.T, c suiteCase) {
		for done := range 4 {
			q := c.new(c.capacity)
			fill(t, q, 3)
			for range done {
				mustIs(t, "TaskDone", q.TaskDone(), nil)
			}
			q.Shutdown(true)
			mustIs(t, "Join", q.Join(doneCtx()), nil)
			mustIs(t, "TaskDone", q.TaskDone(), ErrTaskDone)
		}
	})
}

func TestShutdownSticky(t *testing.T) {
	forEach(t, 3, func(t *testing.T, c suiteCase) {
		q := c.new(c.capacity)
		fill(t, q, 3)
		mustGet(t, q, expectOrder(c.order, []int{1, 2, 3})[0])
		q.Shutdown(false)
		q.Shutdown(false)
		mustIs(t, "TryPut", q.TryPut(4), ErrShutDown)
		if q.Len() != 2 {
			t.Fatalf("Len = %d after Shutdown(false), want 2", q.Len())
		}
		join := async(func() error { return q.Join(context.Background()) })
		blocked(t, "Join", join)
		q.Shutdown(true) // drains the two items: one task stays unfinished
		if q.Len() != 0 {
			t.Fatalf("Len = %d after Shutdown(true)", q.Len())
		}
		blocked(t, "Join", join)
		mustIs(t, "TaskDone", q.TaskDone(), nil)
		mustIs(t, "Join", result(t, "Join", join), nil)
		q.Shutdown(true)
		q.Shutdown(false)
		mustIs(t, "TryPut", q.TryPut(5), ErrShutDown)
		_, err := q.TryGet()
		mustIs(t, "TryGet", err, ErrShutDown)
	})
}

func TestShutdownImmediateWakesJoin(t *testing.T) {
	forEach(t, 2, func(t *testing.T, c suiteCase) {
		q := c.new(c.capacity)
		fill(t, q, 2)
		join := async(func() error { return q.Join(context.Background()) })
		blocked(t, "Join", join)
		get := async(func() error { _, err := q.Get(context.Background()); return err })
		mustIs(t, "Get", result(t, "Get", get), nil) // one taken, one task still open
		blocked(t, "Join", join)
		mustIs(t, "TaskDone", q.TaskDone(), nil)
		q.Shutdown(true)
		mustIs(t, "Join", result(t, "Join", join), nil)
	})
}
