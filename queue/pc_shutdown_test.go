package queue

import (
	"context"
	"sync/atomic"
	"testing"

	"go.uber.org/goleak"
)

// endless returns a Produce that puts until put fails, counting successes.
func endless(puts *atomic.Int64) func(context.Context, int, func(int) error) error {
	return func(ctx context.Context, id int, put func(int) error) error {
		for i := 0; ; i++ {
			if err := put(i); err != nil {
				return err
			}
			puts.Add(1)
		}
	}
}

// TestPipelineStoppedByShutdown: shutting the queue down from a consumer
// stops an endless pipeline without error; without immediate every item
// put is consumed, with immediate the rest is discarded.
func TestPipelineStoppedByShutdown(t *testing.T) {
	defer goleak.VerifyNone(t)
	for _, immediate := range []bool{false, true} {
		for _, sentinel := range []bool{false, true} {
			q := newSliceQueue[int](4)
			var puts, consumed atomic.Int64
			p := &Pipeline[int]{
				Queue:     q,
				Producers: 3,
				Produce:   endless(&puts),
				Consumers: 2,
				Consume: func(ctx context.Context, _ int, _ int) error {
					if consumed.Add(1) == 50 {
						return q.Shutdown(immediate)
					}
					return nil
				},
			}
			if sentinel {
				p.Sentinel, p.IsSentinel = -1, func(v int) bool { return v < 0 }
			}
			if err := p.Run(t.Context()); err != nil {
				t.Fatalf("immediate=%v sentinel=%v: Run = %v, want nil", immediate, sentinel, err)
			}
			if !immediate && consumed.Load() != puts.Load() {
				t.Fatalf("Shutdown(false): consumed %d of %d items put", consumed.Load(), puts.Load())
			}
			if immediate && consumed.Load() > puts.Load() {
				t.Fatalf("Shutdown(true): consumed %d > %d items put", consumed.Load(), puts.Load())
			}
			if n, u := q.Len(), q.unfinishedTasks(); n != 0 || u != 0 {
				t.Fatalf("immediate=%v sentinel=%v: %d items queued, %d tasks unfinished after Run", immediate, sentinel, n, u)
			}
		}
	}
}

func TestPipelineValidatePanics(t *testing.T) {
	consume := func(context.Context, int, int) error { return nil }
	q := newSliceQueue[int](0)
	cases := map[string]Pipeline[int]{
		"queue: Pipeline.Queue is nil":                 {Consumers: 1, Consume: consume},
		"queue: Pipeline.Consume is nil":               {Queue: q, Consumers: 1},
		"queue: Pipeline.Consumers must be at least 1": {Queue: q, Consume: consume},
		"queue: Pipeline.Producers is negative":        {Queue: q, Consumers: 1, Consume: consume, Producers: -1},
		"queue: Pipeline.Produce is nil":               {Queue: q, Consumers: 1, Consume: consume, Producers: 1},
	}
	for want, p := range cases {
		func() {
			defer func() {
				if got := recover(); got != want {
					t.Errorf("Run panics with %v, want %q", got, want)
				}
			}()
			p.Run(t.Context())
		}()
	}
}

// TestPipelineSentinelConsumersPutMore: consumers that put new work (a
// crawler's links) are waited for, because Join comes before the
// sentinels: the tree 0..n-1 is walked completely.
func TestPipelineSentinelConsumersPutMore(t *testing.T) {
	defer goleak.VerifyNone(t)
	const n = 2000
	for _, lifo := range []bool{false, true} {
		q := newSliceQueue[int](0)
		q.lifo = lifo
		seen := make([]atomic.Int32, n)
		p := &Pipeline[int]{
			Queue:     q,
			Producers: 1,
			Produce:   func(ctx context.Context, _ int, put func(int) error) error { return put(0) },
			Consumers: 4,
			Consume: func(ctx context.Context, _ int, v int) error {
				seen[v].Add(1)
				for _, c := range []int{2*v + 1, 2*v + 2} {
					if c < n {
						if err := q.Put(ctx, c); err != nil {
							return err
						}
					}
				}
				return nil
			},
			Sentinel:   -1,
			IsSentinel: func(v int) bool { return v < 0 },
		}
		if err := p.Run(t.Context()); err != nil {
			t.Fatalf("lifo=%v: Run = %v", lifo, err)
		}
		for v := range seen {
			if got := seen[v].Load(); got != 1 {
				t.Fatalf("lifo=%v: node %d visited %d times, want 1", lifo, v, got)
			}
		}
	}
}
