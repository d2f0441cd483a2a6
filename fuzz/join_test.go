package fuzz

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/pcqkit/pcq/queue"
)

// joinCase is a run of producers, consumers that mark their items done,
// joiners that wait for the tasks at chosen moments and an optional
// shutdown, decoded from a fuzzer's bytes.
type joinCase struct {
	impl      impl
	capacity  int
	items     []int // items per producer
	consumers int
	joinAt    []int // each joiner calls Join once this many puts have returned
	shutAt    int   // a goroutine shuts the queue down once shutAt-1 puts have returned; 0: never
	immediate bool
	patterns  []pattern // producers', then consumers', then joiners' yields
}

// decodeJoin reads, in order: implementation, capacity, producers (1-3),
// consumers (1-3), joiners (0-3), the shutdown (bit 7: there is one; bit
// 6: immediate; the rest: after how many puts), each producer's item count
// (0-8), each joiner's moment, and each goroutine's yield pattern.
func decodeJoin(data []byte) joinCase {
	r := &reader{data: data}
	var c joinCase
	c.impl, c.capacity = r.pickImpl()
	c.items = make([]int, 1+r.next()%3)
	c.consumers = 1 + r.next()%3
	c.joinAt = make([]int, r.next()%4)
	shut := r.next()
	total := 0
	for i := range c.items {
		c.items[i] = r.next() % 9
		total += c.items[i]
	}
	for i := range c.joinAt {
		c.joinAt[i] = r.next() % (total + 1)
	}
	if shut&0x80 != 0 {
		c.shutAt = 1 + shut&0x3f%(total+1)
		c.immediate = shut&0x40 != 0
	}
	for range len(c.items) + c.consumers + len(c.joinAt) {
		c.patterns = append(c.patterns, pattern(r.next()))
	}
	return c
}

func (c joinCase) String() string {
	s := fmt.Sprintf("%s capacity=%d producers=%v consumers=%d joiners at puts %v",
		c.impl.Name, c.capacity, c.items, c.consumers, c.joinAt)
	if c.shutAt > 0 {
		s += fmt.Sprintf(" Shutdown(%v) after %d puts", c.immediate, c.shutAt-1)
	}
	return s
}

// joinRun is one joinCase being run. The counters synchronise the
// goroutines, which is fine here: this target checks the protocol, not
// linearizability (Check does that, without such counters).
type joinRun struct {
	c           joinCase
	q           queue.Queue[int]
	putsOK      atomic.Int64 // puts returned nil
	doneStarted atomic.Int64 // TaskDone calls begun
	producing   atomic.Int64 // producers not yet returned
	put         [][]int
	processed   [][]int
	joins       []joinSeen
	errs        chan error
}

// joinSeen is what a joiner saw: puts returned before its Join, TaskDone
// calls begun before it returned.
type joinSeen struct {
	puts, dones int64
	err         error
	called      bool
}

func (r *joinRun) fail(format string, args ...any) {
	select {
	case r.errs <- fmt.Errorf(format, args...):
	default:
	}
}

// awaitPuts waits until n puts have returned or every producer has.
func (r *joinRun) awaitPuts(ctx context.Context, n int) bool {
	for r.putsOK.Load() < int64(n) && r.producing.Load() > 0 {
		if ctx.Err() != nil {
			return false
		}
		runtime.Gosched()
	}
	return true
}

func (r *joinRun) produce(ctx context.Context, id int) {
	defer r.producing.Add(-1)
	for j := range r.c.items[id] {
		r.c.patterns[id].yield(j)
		v := id*1000 + j
		err := r.q.Put(ctx, v)
		if errors.Is(err, queue.ErrShutDown) || ctx.Err() != nil {
			return
		}
		if err != nil {
			r.fail("producer %d: Put(%d) returned %v", id, v, err)
			return
		}
		r.put[id] = append(r.put[id], v)
		r.putsOK.Add(1)
	}
}

func (r *joinRun) consume(ctx context.Context, id int) {
	p := r.c.patterns[len(r.c.items)+id]
	for n := 0; ; n++ {
		v, err := r.q.Get(ctx)
		if errors.Is(err, queue.ErrShutDown) || ctx.Err() != nil {
			return
		}
		if err != nil {
			r.fail("consumer %d: Get returned %v", id, err)
			return
		}
		r.processed[id] = append(r.processed[id], v)
		p.yield(n) // processing: the task is unfinished meanwhile
		r.doneStarted.Add(1)
		if err := r.q.TaskDone(); err != nil {
			r.fail("consumer %d: TaskDone for item %d returned %v: the unfinished count was too low", id, v, err)
			return
		}
	}
}

func (r *joinRun) join(ctx context.Context, id int) {
	r.c.patterns[len(r.c.items)+r.c.consumers+id].yield(0)
	if !r.awaitPuts(ctx, r.c.joinAt[id]) {
		return
	}
	seen := joinSeen{puts: r.putsOK.Load(), called: true}
	seen.err = r.q.Join(ctx)
	seen.dones = r.doneStarted.Load()
	r.joins[id] = seen
}

func (r *joinRun) shutdown(ctx context.Context) {
	if r.awaitPuts(ctx, r.c.shutAt-1) {
		if err := r.q.Shutdown(r.c.immediate); err != nil {
			r.fail("Shutdown(%v) returned %v", r.c.immediate, err)
		}
	}
}

// runJoin runs c on a fresh queue and checks it: no call fails, a Join
// never returns while an item put before it was called is neither marked
// done nor discarded, the final Join returns, every item is processed
// exactly once (or discarded by an immediate shutdown), and the queue ends
// empty with no unfinished task.
func runJoin(c joinCase) error {
	r := &joinRun{c: c, q: c.impl.New(c.capacity), put: make([][]int, len(c.items)),
		processed: make([][]int, c.consumers), joins: make([]joinSeen, len(c.joinAt)+1), errs: make(chan error, 1)}
	defer func() { _ = r.q.Shutdown(true) }()
	if err := watch(protocolWatchdog, r.run); err != nil {
		return err
	}
	select {
	case err := <-r.errs:
		return err
	default:
	}
	discarded, err := exactlyOnce(flatten(r.put), flatten(r.processed), c.shutAt > 0 && c.immediate)
	if err != nil {
		return err
	}
	for i, j := range r.joins {
		who := fmt.Sprintf("joiner %d", i)
		if i == len(c.joinAt) {
			who = "the final Join (every producer had returned)"
		}
		if j.called && j.err == nil && j.dones+int64(discarded) < j.puts {
			return fmt.Errorf("%s returned although %d items had been put before it was called and at most %d were marked done (%d discarded) when it returned",
				who, j.puts, j.dones, discarded)
		}
	}
	return finalState(r.q, queue.ErrShutDown)
}

// run starts every goroutine, waits for the producers, joins, shuts the
// queue down and waits for the rest.
func (r *joinRun) run(ctx context.Context) error {
	var producers, others sync.WaitGroup
	r.producing.Store(int64(len(r.c.items)))
	for i := range r.c.consumers {
		others.Go(func() { r.consume(ctx, i) })
	}
	for i := range r.c.joinAt {
		others.Go(func() { r.join(ctx, i) })
	}
	if r.c.shutAt > 0 {
		others.Go(func() { r.shutdown(ctx) })
	}
	for i := range r.c.items {
		producers.Go(func() { r.produce(ctx, i) })
	}
	producers.Wait()
	final := joinSeen{puts: r.putsOK.Load(), called: true}
	final.err = r.q.Join(ctx)
	final.dones = r.doneStarted.Load()
	r.joins[len(r.c.joinAt)] = final
	if final.err != nil {
		r.fail("the final Join, once every producer had returned, returned %v", final.err)
	}
	if err := r.q.Shutdown(false); err != nil {
		r.fail("Shutdown(false) returned %v", err)
	}
	others.Wait()
	return ctx.Err()
}

// FuzzJoin runs producers, consumers that mark each item done after a
// while, joiners at chosen moments and an optional soft or immediate
// shutdown on the kit's implementations, all decoded from the fuzzer's
// bytes, and checks the task accounting.
func FuzzJoin(f *testing.F) {
	for _, seed := range [][]byte{
		{0, 2, 1, 1, 1, 0, 5, 5, 3, 0x3f, 0x3f, 0x3f},             // locked, one joiner mid-run
		{1, 1, 2, 2, 2, 0, 8, 8, 8, 0, 4, 0x7f, 0x41, 0x13, 0xc3}, // chan cap 1, two joiners
		{2, 3, 0, 0, 3, 0x84, 8, 0, 2, 8, 0xff, 0x0f, 0, 0, 0},    // ring, soft shutdown after 3 puts
		{3, 0, 1, 2, 1, 0xc2, 6, 6, 6, 0x3f, 0x3f, 0xc0, 0xc0},    // linked, immediate shutdown
		{4, 2, 2, 1, 2, 0, 4, 4, 4, 1, 9, 0x2a, 0x15, 0x2a, 0x15}, // lifo
		{5, 0, 1, 0, 3, 0xc9, 7, 7, 0, 3, 7, 0x81, 0x82, 0x84},    // priority, joiners, immediate
		{0, 1, 0, 0, 0, 0}, // one producer of no items
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := decodeJoin(data)
		if err := runJoin(c); err != nil {
			t.Fatalf("%v\ncase: %v\ninput: %q", err, c, data)
		}
	})
}
