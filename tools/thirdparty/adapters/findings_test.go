package adapters

// Findings: the smallest scenarios that show what looks like a real bug in
// an adapted library, written against the library's own API (no adapter)
// so that each can go upstream as it is. Versions are pinned in go.mod, so
// each test asserts that its finding still reproduces; one that stops
// reproducing means go.mod moved and the README's table needs a look.

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	wq "github.com/Workiva/go-datastructures/queue"
	abq "github.com/adrianbrad/queue"
	gcq "github.com/enriquebris/goconcurrentqueue"
)

// A RingBuffer of size 1 never reports full: its "written" and "free for
// the next lap" slot markers coincide (mask 0), so the second Offer
// overwrites the first item, Len exceeds Cap, and the item written is
// never readable: Get blocks forever, Poll times out.
func TestFindingWorkivaRingCapacityOne(t *testing.T) {
	rb := wq.NewRingBuffer(1)
	if ok, err := rb.Offer(1); !ok || err != nil {
		t.Fatalf("first Offer = %v, %v", ok, err)
	}
	ok, err := rb.Offer(2)
	if !ok || err != nil {
		t.Fatalf("second Offer on a full ring of Cap %d = %v, %v: the finding no longer reproduces", rb.Cap(), ok, err)
	}
	t.Logf("Cap() = %d, second Offer = true, Len() = %d", rb.Cap(), rb.Len())
	if v, err := rb.Poll(20 * time.Millisecond); !errors.Is(err, wq.ErrTimeout) {
		t.Fatalf("Poll = %v, %v; the finding was a timeout on a ring holding items", v, err)
	}
}

// Circular.Offer on a full queue overwrites the slot at head but leaves
// head in place, so the newest item comes out first, before the items it
// did not overwrite: 1..8, then 9 into a queue of 8, gives 9 2 3 4 5 6 7 8
// (dropping the oldest would give 2..9).
func TestFindingAdrianbradCircularOverwriteOrder(t *testing.T) {
	q := abq.NewCircular[int](nil, 8)
	for v := 1; v <= 9; v++ {
		_ = q.Offer(v)
	}
	var got []int
	for {
		v, err := q.Get()
		if err != nil {
			break
		}
		got = append(got, v)
	}
	if want := []int{9, 2, 3, 4, 5, 6, 7, 8}; !slices.Equal(got, want) {
		t.Fatalf("got %v, the finding was %v", got, want)
	}
}

// A DequeueOrWaitForNextElementContext whose context is canceled leaves
// its listener channel registered. The next Enqueue takes that stale
// listener, fails to hand it the item, and appends the item; the Enqueue
// after it hands its item straight to a live waiter, past the one already
// queued: FIFO order is broken (upstream issue #37 reports the symptom).
func TestFindingGCQFIFOStaleListenerReorder(t *testing.T) {
	const tries = 40
	hits := 0
	for range tries {
		q := gcq.NewFIFO()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, _ = q.DequeueOrWaitForNextElementContext(ctx) // returns Canceled, leaves its listener
		res := make(chan any, 1)
		go func() { v, _ := q.DequeueOrWaitForNextElement(); res <- v }()
		time.Sleep(3 * time.Millisecond) // let the waiter register and wait
		_ = q.Enqueue(1)
		_ = q.Enqueue(2)
		waiter := <-res
		next, _ := q.Dequeue()
		if waiter == 2 && next == 1 {
			hits++
		}
	}
	t.Logf("waiter got 2 while 1 stayed queued in %d of %d tries", hits, tries)
	if hits == 0 {
		t.Fatal("the finding no longer reproduces")
	}
}

// FixedFIFO.GetLen (and GetCap) call the queue's own Lock/Unlock around
// len(): an Enqueue or Dequeue running meanwhile fails with "The queue is
// locked", although nobody locked the queue.
func TestFindingGCQFixedGetLenLocks(t *testing.T) {
	q := gcq.NewFixedFIFO(8)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
				q.GetLen()
			}
		}
	}()
	locked := 0
	deadline := time.Now().Add(500 * time.Millisecond)
	for i := 0; locked == 0 && time.Now().Before(deadline); i++ {
		for _, err := range []error{q.Enqueue(i), second(q.Dequeue())} {
			var qe *gcq.QueueError
			if errors.As(err, &qe) && qe.Code() == gcq.QueueErrorCodeLockedQueue {
				locked++
			}
		}
	}
	close(stop)
	wg.Wait()
	if locked == 0 {
		t.Fatal("no 'queue is locked' error in 500ms: the finding no longer reproduces")
	}
}

func second[T any](_ T, err error) error { return err }
