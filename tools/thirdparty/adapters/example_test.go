package adapters_test

import (
	"context"
	"fmt"

	"github.com/pcqkit/pcq/tools/thirdparty/adapters"
)

func ExampleAll() {
	for _, l := range adapters.All() {
		fmt.Printf("%s %v\n", l.Name, l.Relaxations)
	}
	// Output:
	// chan []
	// workiva-ring []
	// workiva-queue []
	// diodes-manytoone [Lossy]
	// goconcurrentqueue-fifo []
	// goconcurrentqueue-fixed []
	// golang-design-lockfree []
	// hedzr-ringbuf-mpmc []
	// adrianbrad-blocking []
	// adrianbrad-circular [Lossy]
	// eapache-queue-naive [NotThreadSafe]
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
