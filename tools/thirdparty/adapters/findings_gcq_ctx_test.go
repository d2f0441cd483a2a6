package adapters

import (
	"context"
	"testing"

	gcq "github.com/enriquebris/goconcurrentqueue"
)

// FixedFIFO.DequeueOrWaitForNextElementContext selects between the queue's
// channel and ctx.Done() in one select, so with an item queued and a
// context already done it returns ctx.Err() about half the time (Go picks
// a ready case at random), leaving the item queued. pcq's contract (and
// Python's get with a timeout) wants a call that can succeed at once to
// succeed; the property harness finds it as "get[ctx expired] returned
// context deadline exceeded, but it could return ok at once".
func TestFindingGCQFixedEndedContextGet(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	const tries = 200
	refused := 0
	for range tries {
		q := gcq.NewFixedFIFO(1)
		if err := q.Enqueue(1); err != nil {
			t.Fatal(err)
		}
		if _, err := q.DequeueOrWaitForNextElementContext(ctx); err != nil {
			refused++
			if q.GetLen() != 1 {
				t.Fatalf("the refused call consumed the item")
			}
		}
	}
	t.Logf("%d of %d calls with a done context refused a queued item", refused, tries)
	if refused == 0 {
		t.Fatalf("no call refused a queued item: the finding no longer reproduces")
	}
}
