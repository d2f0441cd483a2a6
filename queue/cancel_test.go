package queue

import (
	"context"
	"fmt"
	"testing"
	"time"
)

func TestPutBlocksUntilRoom(t *testing.T) {
	forEachBounded(t, 2, func(t *testing.T, c suiteCase) {
		q := c.new(2)
		fill(t, q, 2)
		put := async(func() error { return q.Put(context.Background(), 3) })
		blocked(t, "Put on full queue", put)
		first := expectOrder(c.order, []int{1, 2})[0]
		mustGet(t, q, first)
		mustIs(t, "Put after room", result(t, "Put", put), nil)
		if q.Len() != 2 {
			t.Fatalf("Len = %d, want 2", q.Len())
		}
	})
}

func TestGetBlocksUntilItem(t *testing.T) {
	forEach(t, 2, func(t *testing.T, c suiteCase) {
		q := c.new(c.capacity)
		got := make(chan int, 1)
		get := async(func() error {
			v, err := q.Get(context.Background())
			got <- v
			return err
		})
		blocked(t, "Get on empty queue", get)
		mustIs(t, "Put", q.Put(context.Background(), 7), nil)
		mustIs(t, "Get", result(t, "Get", get), nil)
		if v := <-got; v != 7 {
			t.Fatalf("Get = %d, want 7", v)
		}
	})
}

func TestCanceledPutHasNoEffect(t *testing.T) {
	forEachBounded(t, 2, func(t *testing.T, c suiteCase) {
		q := c.new(2)
		fill(t, q, 2)
		start := time.Now()
		mustIs(t, "Put with deadline on full queue", q.Put(shortCtx(t), 3), context.DeadlineExceeded)
		if time.Since(start) < short {
			t.Fatalf("Put returned before its deadline")
		}
		ctx, cancel := context.WithCancel(context.Background())
		put := async(func() error { return q.Put(ctx, 4) })
		blocked(t, "Put on full queue", put)
		cancel()
		mustIs(t, "canceled Put", result(t, "Put", put), context.Canceled)
		if q.Len() != 2 {
			t.Fatalf("Len = %d after canceled puts, want 2", q.Len())
		}
		for _, w := range expectOrder(c.order, []int{1, 2}) {
			mustGet(t, q, w)
		}
		_, err := q.TryGet()
		mustIs(t, "TryGet", err, ErrEmpty)
		if n := tasksLeft(q); n != 2 {
			t.Fatalf("unfinished tasks = %d, want 2", n)
		}
	})
}

func TestCanceledGetHasNoEffect(t *testing.T) {
	forEach(t, 2, func(t *testing.T, c suiteCase) {
		q := c.new(c.capacity)
		_, err := q.Get(shortCtx(t))
		mustIs(t, "Get with deadline on empty queue", err, context.DeadlineExceeded)
		ctx, cancel := context.WithCancel(context.Background())
		get := async(func() error { _, err := q.Get(ctx); return err })
		blocked(t, "Get on empty queue", get)
		cancel()
		mustIs(t, "canceled Get", result(t, "Get", get), context.Canceled)
		mustIs(t, "TryPut", q.TryPut(5), nil)
		mustGet(t, q, 5) // the canceled gets consumed nothing, and left no trace
		if n := tasksLeft(q); n != 1 {
			t.Fatalf("unfinished tasks = %d, want 1", n)
		}
	})
}

// TestDoneContextPolicy: a call that can succeed at once succeeds even with
// a context that has already ended; the context is consulted only when the
// call would have to wait.
func TestDoneContextPolicy(t *testing.T) {
	forEachBounded(t, 1, func(t *testing.T, c suiteCase) {
		q, done := c.new(1), doneCtx()
		mustIs(t, "Join with no task", q.Join(done), nil)
		mustIs(t, "Get on empty queue", second(q.Get(done)), context.Canceled)
		mustIs(t, "Put with room", q.Put(done, 1), nil)
		mustIs(t, "Put on full queue", q.Put(done, 2), context.Canceled)
		mustIs(t, "Join with a task", q.Join(done), context.Canceled)
		v, err := q.Get(done)
		if err != nil || v != 1 {
			t.Fatalf("Get with an item = %d, %v; want 1, nil", v, err)
		}
		mustIs(t, "TaskDone", q.TaskDone(), nil)
		mustIs(t, "Put", q.Put(done, 3), nil)
		q.Shutdown(false)
		mustIs(t, "Put after shutdown", q.Put(done, 4), ErrShutDown)
		v, err = q.Get(done)
		if err != nil || v != 3 {
			t.Fatalf("Get after shutdown = %d, %v; want 3, nil", v, err)
		}
		mustIs(t, "Get on shut-down empty queue", second(q.Get(done)), ErrShutDown)
	})
}

func second[A any](_ A, err error) error { return err }

// TestNoLostWakeup races a get's cancellation with the put that wakes it:
// whoever is woken, the item is got exactly once, by the canceled get or by
// the other waiting get, and never stays in the queue while a get waits.
func TestNoLostWakeup(t *testing.T) {
	forEach(t, 1, func(t *testing.T, c suiteCase) {
		for i := range 200 {
			q := c.new(c.capacity)
			e := engineOf(t, q)
			ctx, cancel := context.WithCancel(context.Background())
			got := make(chan string, 2)
			getter := func(name string, ctx context.Context) func() error {
				return func() error {
					v, err := q.Get(ctx)
					got <- fmt.Sprint(name, v, err)
					return err
				}
			}
			first := async(getter("first", ctx))
			awaitWaiters(t, &e.getters, 1)
			other := async(getter("other", context.Background()))
			awaitWaiters(t, &e.getters, 2)
			go cancel()
			mustIs(t, "TryPut", q.TryPut(i), nil)
			err1 := result(t, "first Get", first)
			if err1 != nil {
				mustIs(t, "first Get", err1, context.Canceled)
				mustIs(t, "other Get", result(t, "other Get", other), nil)
			} else {
				q.Shutdown(false)
				mustIs(t, "other Get", result(t, "other Get", other), ErrShutDown)
			}
			if q.Len() != 0 {
				t.Fatalf("round %d: item left in the queue: %q %q", i, <-got, <-got)
			}
		}
	})
}

// engineOf returns the engine inside one of the package's queues.
func engineOf(t *testing.T, q Queue[int]) *engine[int] {
	switch q := q.(type) {
	case *Locked[int]:
		return &q.engine
	case *Chan[int]:
		return &q.engine
	case *Ring[int]:
		return &q.engine
	case *Linked[int]:
		return &q.engine
	case *LIFO[int]:
		return &q.engine
	case *Priority[int]:
		return &q.engine
	}
	t.Fatalf("no engine in %T", q)
	return nil
}

// awaitWaiters waits until q has n waiters.
func awaitWaiters(t *testing.T, q *waitq, n int32) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for q.n.Load() != n {
		if time.Now().After(deadline) {
			t.Fatalf("waiters = %d, want %d\n%s", q.n.Load(), n, allStacks())
		}
		time.Sleep(100 * time.Microsecond)
	}
}

// TestWaitPassesOnUnusedWakeup: a waiter served by its own retry while a
// waker had already picked it passes the wake-up on to the next waiter.
func TestWaitPassesOnUnusedWakeup(t *testing.T) {
	var q waitq
	var next *waiter
	calls := 0
	try := func() (int, error) {
		calls++
		if calls > 1 {
			t.Fatalf("try called %d times", calls)
		}
		next = q.add() // another waiter queues behind us
		q.wakeOne()    // a put wakes us, the front waiter...
		return 42, nil // ...but our retry already got an item
	}
	v, err := wait(context.Background(), &q, ErrEmpty, try, try)
	if v != 42 || err != nil {
		t.Fatalf("wait = %d, %v", v, err)
	}
	select {
	case <-next.ready:
	default:
		t.Fatal("the wake-up was not passed on to the next waiter")
	}
	if q.n.Load() != 0 {
		t.Fatalf("%d waiters left", q.n.Load())
	}
}
