package fuzz

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/pcqkit/pcq/queue"
)

// pipelineCase is a producer/consumer run of queue.Pipeline decoded from a
// fuzzer's bytes.
type pipelineCase struct {
	impl      impl
	capacity  int
	items     []int // items per producer
	consumers int
	sentinels bool // end with sentinels (else Pipeline's Shutdown(false))
	stopAt    int  // a consumer shuts the queue down on processing item stopAt (1-based); 0: never
	immediate bool // that shutdown's argument
	producerP []pattern
	consumerP []pattern
}

// decodePipeline reads, in order: implementation, capacity, producers
// (0-3), consumers (1-4), ending (even: sentinels, odd: shutdown), the
// mid-run shutdown (bit 7: there is one; bit 6: immediate; the rest: the
// item count it happens at), each producer's item count (0-8), and each
// goroutine's yield pattern.
func decodePipeline(data []byte) pipelineCase {
	r := &reader{data: data}
	var c pipelineCase
	c.impl, c.capacity = r.pickImpl()
	c.items = make([]int, r.next()%4)
	c.consumers = 1 + r.next()%4
	c.sentinels = r.next()%2 == 0
	stop := r.next()
	total := 0
	for i := range c.items {
		c.items[i] = r.next() % 9
		total += c.items[i]
	}
	if stop&0x80 != 0 {
		c.stopAt = 1 + stop&0x3f%(total+1)
		c.immediate = stop&0x40 != 0
	}
	for range c.items {
		c.producerP = append(c.producerP, pattern(r.next()))
	}
	for range c.consumers {
		c.consumerP = append(c.consumerP, pattern(r.next()))
	}
	return c
}

func (c pipelineCase) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s capacity=%d producers=%v consumers=%d", c.impl.Name, c.capacity, c.items, c.consumers)
	if c.sentinels {
		b.WriteString(" ending=sentinels")
	} else {
		b.WriteString(" ending=shutdown")
	}
	if c.stopAt > 0 {
		fmt.Fprintf(&b, " mid-run Shutdown(%v) at item %d", c.immediate, c.stopAt)
	}
	return b.String()
}

const sentinel = -1

// runPipeline runs c on a fresh queue and checks it: Run returns nil, each
// consumer stops on one sentinel (when no shutdown came first), every item
// put is processed exactly once (or discarded by an immediate shutdown),
// and the queue ends empty with no unfinished task and Join returning.
func runPipeline(c pipelineCase) error {
	q := c.impl.New(c.capacity)
	put := make([][]int, len(c.items))
	processed := make([][]int, c.consumers)
	var count, sentinelsGot atomic.Int64
	var shut atomic.Bool
	p := &queue.Pipeline[int]{
		Queue:     q,
		Producers: len(c.items),
		Consumers: c.consumers,
		Produce: func(ctx context.Context, id int, putf func(int) error) error {
			for j := range c.items[id] {
				c.producerP[id].yield(j)
				v := id*1000 + j
				if err := putf(v); err != nil {
					return err
				}
				put[id] = append(put[id], v)
			}
			return nil
		},
		Consume: func(ctx context.Context, id int, v int) error {
			processed[id] = append(processed[id], v)
			c.consumerP[id].yield(len(processed[id]))
			if c.stopAt > 0 && count.Add(1) == int64(c.stopAt) {
				shut.Store(true)
				return q.Shutdown(c.immediate)
			}
			return nil
		},
	}
	if c.sentinels {
		p.Sentinel = sentinel
		p.IsSentinel = func(v int) bool {
			if v == sentinel {
				sentinelsGot.Add(1)
			}
			return v == sentinel
		}
	}
	if err := watch(protocolWatchdog, p.Run); err != nil {
		return fmt.Errorf("Pipeline.Run returned %w", err)
	}
	if n := sentinelsGot.Load(); c.sentinels && !shut.Load() && n != int64(c.consumers) {
		return fmt.Errorf("%d consumers stopped on %d sentinels, want one each", c.consumers, n)
	}
	if _, err := exactlyOnce(flatten(put), flatten(processed), c.immediate && shut.Load()); err != nil {
		return err
	}
	want := queue.ErrShutDown
	if c.sentinels && !shut.Load() {
		want = queue.ErrEmpty
	}
	err := finalState(q, want)
	_ = q.Shutdown(true)
	return err
}

func flatten(s [][]int) []int {
	var out []int
	for _, x := range s {
		out = append(out, x...)
	}
	return out
}

// FuzzSentinelShutdown runs queue.Pipeline on the kit's implementations:
// producers, consumers, the sentinel or the shutdown ending, a soft or
// immediate shutdown mid-run, all decoded from the fuzzer's bytes.
func FuzzSentinelShutdown(f *testing.F) {
	for _, seed := range [][]byte{
		{0, 2, 2, 1, 0, 0, 4, 5, 0x41, 0x42, 0x43},          // locked, sentinels
		{1, 1, 3, 2, 1, 0, 8, 8, 8, 1, 2, 3, 4},             // chan cap 1, shutdown ending
		{2, 2, 1, 3, 0, 0x83, 8, 0x55, 0x11, 0x22, 0x33},    // ring, sentinels, soft shutdown mid-run
		{3, 0, 2, 2, 1, 0xc4, 6, 6, 0xff, 0, 0x3c, 0xc3},    // linked, immediate shutdown mid-run
		{4, 3, 2, 2, 0, 0, 5, 5, 1, 2, 3, 4},                // lifo, sentinels
		{5, 0, 3, 1, 1, 0xc1, 3, 4, 5, 0x81, 0x18, 0x24},    // priority, immediate at item 2
		{0, 0, 0, 4, 0, 0},                                  // no producers
		{2, 1, 3, 4, 1, 0x85, 8, 8, 8, 0x7f, 0x7f, 0x7f, 0}, // ring cap 1, many waits
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := decodePipeline(data)
		if err := runPipeline(c); err != nil {
			t.Fatalf("%v\ncase: %v\ninput: %q", err, c, data)
		}
	})
}
