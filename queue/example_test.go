package queue_test

import (
	"cmp"
	"context"
	"fmt"

	"github.com/pcqkit/pcq/queue"
)

func ExampleNewLocked() {
	ctx := context.Background()
	q := queue.NewLocked[string](2) // bounded: at most two items
	if err := q.Put(ctx, "a"); err != nil {
		panic(err)
	}
	fmt.Println(q.TryPut("b"), q.TryPut("c"))
	v, err := q.Get(ctx)
	fmt.Println(v, err, q.Len(), q.Cap())
	v, err = q.TryGet()
	fmt.Println(v, err)
	_, err = q.TryGet()
	fmt.Println(err)
	// Output:
	// <nil> queue: full
	// a <nil> 1 2
	// b <nil>
	// queue: empty
}

// Shutdown follows Python 3.13: puts fail at once, items already queued
// can still be got, an immediate shutdown discards them and counts them
// as done, and Join waits for the tasks that remain.
func ExampleLocked_Shutdown() {
	ctx := context.Background()
	q := queue.NewLocked[int](0) // unbounded
	for i := range 3 {
		q.TryPut(i)
	}
	q.Shutdown(false)
	fmt.Println(q.TryPut(3))
	v, err := q.Get(ctx)
	fmt.Println(v, err)
	q.Shutdown(true) // discards 1 and 2
	_, err = q.Get(ctx)
	fmt.Println(err)
	fmt.Println(q.TaskDone(), q.Join(ctx)) // the task of item 0
	// Output:
	// queue: shut down
	// 0 <nil>
	// queue: shut down
	// <nil> <nil>
}

func ExampleNewLIFO() {
	q := queue.NewLIFO[int](0)
	for i := range 3 {
		q.TryPut(i)
	}
	for q.Len() > 0 {
		v, _ := q.TryGet()
		fmt.Print(v, " ")
	}
	fmt.Println()
	// Output: 2 1 0
}

// Equal items come out in the order they were put: here, tasks of the
// same priority.
func ExampleNewPriority() {
	type task struct {
		prio int
		name string
	}
	q := queue.NewPriority(0, func(a, b task) int { return cmp.Compare(a.prio, b.prio) })
	for _, t := range []task{{2, "write"}, {1, "read"}, {2, "sync"}, {0, "open"}} {
		q.TryPut(t)
	}
	for q.Len() > 0 {
		t, _ := q.TryGet()
		fmt.Println(t.prio, t.name)
	}
	// Output:
	// 0 open
	// 1 read
	// 2 write
	// 2 sync
}
