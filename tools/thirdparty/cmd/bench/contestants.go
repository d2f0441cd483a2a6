package main

import (
	"cmp"
	"context"
	"runtime"

	wq "github.com/Workiva/go-datastructures/queue"
	"github.com/bytedance/gopkg/collection/lscq"
	"github.com/pcqkit/pcq/queue"
	"github.com/puzpuzpuz/xsync/v4"
)

// An ends is one fresh queue seen as its two ends: put appends (waiting
// while full), get removes (waiting while empty). Every contestant, the
// channel included, is called through these two function values.
type ends struct {
	put func(v int)
	get func() int
}

// A contestant is one queue and how it is driven.
type contestant struct {
	name    string // as printed in the table
	library string // module@version, or "pcq"
	how     string // the calls that move an item
	open    func(capacity int) ends
}

// channel is the baseline: a buffered channel of the same capacity.
var channel = contestant{"Go buffered channel", "Go", "`ch <- v`, `<-ch`", func(capacity int) ends {
	ch := make(chan int, capacity)
	return ends{func(v int) { ch <- v }, func() int { return <-ch }}
}}

// contestants returns every queue measured against the channel: pcq's six
// implementations with blocking Put and Get, pcq's Ring also with its
// non-blocking calls, the fastest peers the kit knows of, and for the
// queues guarded by one mutex (Locked, LIFO, Priority) the ones a Go
// programmer would otherwise write or use.
func contestants() []contestant {
	return []contestant{
		pcq("Ring", func(c int) queue.Queue[int] { return queue.NewRing[int](c) }),
		pcqTry("Ring", func(c int) queue.Queue[int] { return queue.NewRing[int](c) }),
		pcq("Chan", func(c int) queue.Queue[int] { return queue.NewChan[int](c) }),
		pcq("Locked", func(c int) queue.Queue[int] { return queue.NewLocked[int](c) }),
		pcq("Linked (unbounded)", func(int) queue.Queue[int] { return queue.NewLinked[int]() }),
		pcq("LIFO", func(c int) queue.Queue[int] { return queue.NewLIFO[int](c) }),
		pcq("Priority", func(c int) queue.Queue[int] { return queue.NewPriority(c, cmp.Compare[int]) }),
		{"xsync MPMCQueue", "github.com/puzpuzpuz/xsync/v4@v4.5.0", "TryEnqueue/TryDequeue + Gosched", xsyncEnds},
		{"lscq Uint64Queue (unbounded)", "github.com/bytedance/gopkg@v0.1.4", "Enqueue/Dequeue + Gosched", lscqEnds},
		{"Workiva RingBuffer", "github.com/Workiva/go-datastructures@v1.1.7", "Put/Get (blocking)", workivaEnds},
		{"circular slice + Mutex + Cond (FIFO)", "Go", "blocking put/get by hand", fifoEnds},
		{"adrianbrad Blocking (FIFO)", "github.com/adrianbrad/queue@v1.4.0", "OfferWait/GetWait (blocking)", adrianbradBlockingEnds},
		{"slice + Mutex + Cond (LIFO)", "Go", "blocking put/get by hand", stackEnds},
		{"container/heap + Mutex + Cond (priority)", "Go", "blocking put/get by hand", heapEnds},
		{"adrianbrad Priority", "github.com/adrianbrad/queue@v1.4.0", "Offer/Get + Gosched", adrianbradPriorityEnds},
	}
}

// pcq drives a pcq queue with its blocking Put and Get.
func pcq(name string, open func(capacity int) queue.Queue[int]) contestant {
	return contestant{"pcq " + name, "pcq", "Put/Get (blocking)", func(capacity int) ends {
		q, ctx := open(capacity), context.Background()
		return ends{
			func(v int) { must(q.Put(ctx, v)) },
			func() int { v, err := q.Get(ctx); must(err); return v },
		}
	}}
}

// pcqTry drives a pcq queue with TryPut and TryGet, yielding on a failure,
// as the peers without blocking calls are driven.
func pcqTry(name string, open func(capacity int) queue.Queue[int]) contestant {
	return contestant{"pcq " + name, "pcq", "TryPut/TryGet + Gosched", func(capacity int) ends {
		q := open(capacity)
		return ends{
			func(v int) {
				for q.TryPut(v) != nil {
					runtime.Gosched()
				}
			},
			func() int {
				for {
					if v, err := q.TryGet(); err == nil {
						return v
					}
					runtime.Gosched()
				}
			},
		}
	}}
}

func xsyncEnds(capacity int) ends {
	q := xsync.NewMPMCQueue[int](capacity)
	return ends{
		func(v int) {
			for !q.TryEnqueue(v) {
				runtime.Gosched()
			}
		},
		func() int {
			for {
				if v, ok := q.TryDequeue(); ok {
					return v
				}
				runtime.Gosched()
			}
		},
	}
}

// lscqEnds drives lscq, which is unbounded: Enqueue always succeeds.
func lscqEnds(int) ends {
	q := lscq.NewUint64()
	return ends{
		func(v int) { q.Enqueue(uint64(v)) },
		func() int {
			for {
				if v, ok := q.Dequeue(); ok {
					return int(v)
				}
				runtime.Gosched()
			}
		},
	}
}

// workivaEnds drives Workiva's RingBuffer with its blocking Put and Get
// (it stores interface{} values: an int above 255 is boxed).
func workivaEnds(capacity int) ends {
	q := wq.NewRingBuffer(uint64(capacity))
	return ends{
		func(v int) { must(q.Put(v)) },
		func() int { v, err := q.Get(); must(err); return v.(int) },
	}
}

// must panics on an error that the workload never causes.
func must(err error) {
	if err != nil {
		panic(err)
	}
}
