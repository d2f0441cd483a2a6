package history

import (
	"context"
	"testing"

	"github.com/pcqkit/pcq/queue"
)

// BenchmarkRecorder compares a Put+Get pair on queue.Locked bare and through
// a recorder's client, on one goroutine and on all of them (b.RunParallel).
// The recorder's cost is the ratio of recorded to bare ns/op.
func BenchmarkRecorder(b *testing.B) {
	for _, parallel := range []bool{false, true} {
		name := "serial"
		if parallel {
			name = "parallel"
		}
		b.Run(name+"/bare", func(b *testing.B) {
			q := queue.NewLocked[int](1024)
			benchPairs(b, parallel, func() queue.Queue[int] { return q }, func(queue.Queue[int]) {})
		})
		b.Run(name+"/recorded", func(b *testing.B) {
			rec := NewRecorder(queue.NewLocked[int](1024))
			benchPairs(b, parallel, func() queue.Queue[int] { return rec.Client() }, func(q queue.Queue[int]) {
				if c := q.(*Client); len(c.full) >= 64 {
					c.full = nil // keep memory bounded; allocation is still paid
				}
			})
		})
	}
}

// benchPairs times Put+Get pairs on the queues handed out by client.
func benchPairs(b *testing.B, parallel bool, client func() queue.Queue[int], every func(queue.Queue[int])) {
	ctx := context.Background()
	body := func(q queue.Queue[int], next func() bool) {
		for v := 0; next(); v++ {
			if err := q.Put(ctx, v); err != nil {
				b.Error(err)
				return
			}
			if _, err := q.Get(ctx); err != nil {
				b.Error(err)
				return
			}
			if v&4095 == 0 {
				every(q)
			}
		}
	}
	b.ReportAllocs()
	if !parallel {
		body(client(), b.Loop)
		return
	}
	b.RunParallel(func(pb *testing.PB) { body(client(), pb.Next) })
}

// BenchmarkRecorderOverhead measures what recording adds to one operation:
// a TryPut on a queue that does nothing, through a client, and the
// monotonic clock read that the recorder does twice per operation.
func BenchmarkRecorderOverhead(b *testing.B) {
	b.Run("record", func(b *testing.B) {
		c := NewRecorder(&stubQueue{}).Client()
		for v := 0; b.Loop(); v++ {
			_ = c.TryPut(v)
			if len(c.full) >= 64 {
				c.full = nil
			}
		}
	})
	b.Run("clock", func(b *testing.B) {
		c := NewRecorder(&stubQueue{}).Client()
		var sum int64
		for b.Loop() {
			sum += c.begin()
		}
		_ = sum
	})
}
