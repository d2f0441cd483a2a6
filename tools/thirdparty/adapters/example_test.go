package adapters_test

import (
	"context"
	"fmt"

	"github.com/pcqkit/pcq/tools/thirdparty/adapters"
)

func ExampleAll() {
	for _, l := range adapters.All() {
		fmt.Printf("%s %v [%s]\n", l.Name, l.Model, l.Promises())
	}
	// Output:
	// chan fifo []
	// workiva-ring fifo []
	// workiva-queue fifo []
	// diodes-manytoone fifo [lossy]
	// goconcurrentqueue-fifo fifo []
	// goconcurrentqueue-fixed fifo []
	// golang-design-lockfree fifo []
	// hedzr-ringbuf-mpmc fifo []
	// adrianbrad-blocking fifo []
	// adrianbrad-circular fifo [lossy]
	// eapache-queue-naive fifo [not thread-safe]
	// golang-design-lockfree-stack lifo []
	// adrianbrad-priority priority []
}

func ExampleLookup() {
	lib, _ := adapters.Lookup("adrianbrad-blocking")
	q := lib.New(2)
	ctx := context.Background()
	_ = q.Put(ctx, 1)
	_ = q.Put(ctx, 2)
	fmt.Println(q.TryPut(3))
	v, _ := q.Get(ctx)
	fmt.Println(v, q.Len(), q.Cap())
	// Output:
	// queue: full
	// 1 1 2
}
