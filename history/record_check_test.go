package history_test

import (
	"testing"
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"

	"github.com/pcqkit/pcq/internal/testseed"
)

// TestRecordedHistoriesLinearizable records random operation mixes of
// several goroutines on correct queues and checks that every history is
// valid and linearizable: the recorder's timestamps bound the operations.
func TestRecordedHistoriesLinearizable(t *testing.T) {
	for _, tc := range []struct {
		name string
		q    func() queue.Queue[int]
	}{
		{"slice", func() queue.Queue[int] { return history.NewSliceQueue(3) }},
		{"locked", func() queue.Queue[int] { return queue.NewLocked[int](3) }},
		{"locked-unbounded", func() queue.Queue[int] { return queue.NewLocked[int](0) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for round := range 5 {
				seed := testseed.Get(t) + uint64(round)
				h, rec := history.RecordRandom(seed, tc.q(), 4, 40)
				if err := history.Validate(h); err != nil {
					t.Fatalf("seed %d: %v", seed, err)
				}
				if len(rec.Errors()) != 0 {
					t.Fatalf("seed %d: errors %v", seed, rec.Errors())
				}
				if r := linearizability.Check(h, linearizability.WithTimeout(5*time.Second)); r.Verdict != linearizability.Linearizable {
					t.Fatalf("seed %d: %v\n%s", seed, r, r.Explanation)
				}
			}
		})
	}
}

// TestRecordedViolation records a LIFO queue and checks it as FIFO: the
// checker must find the violation in what the recorder saw.
func TestRecordedViolation(t *testing.T) {
	rec := history.NewRecorder(queue.NewLIFO[int](0))
	producer, consumer := rec.Client(), rec.Client()
	for range 2 {
		if err := producer.TryPut(producer.NextValue()); err != nil {
			t.Fatal(err)
		}
	}
	for range 2 {
		if _, err := consumer.TryGet(); err != nil {
			t.Fatal(err)
		}
	}
	h := rec.History(models.FIFO, 0)
	if r := linearizability.Check(h); r.Verdict != linearizability.Violation || len(r.Culprits) == 0 {
		t.Fatalf("got %v, want a violation", r)
	}
	h.Kind = models.LIFO
	if r := linearizability.Check(h); r.Verdict != linearizability.Linearizable {
		t.Fatalf("as LIFO: got %v, want linearizable", r)
	}
}
