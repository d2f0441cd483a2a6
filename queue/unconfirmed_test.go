package queue

import (
	"context"
	"fmt"
	"testing"
)

// A peer caught between its claim and its release, in the buffers that
// have unconfirmed attempts: claim stands for a push that has claimed the
// next position and not yet filled it (or a pop that has claimed the
// oldest item and not yet freed its slot), release finishes it.
type caughtPeer struct {
	name           string
	claim, release func()
}

// ringPushInFlight: a push on q (empty) has claimed position 0 and will
// fill it with v.
func ringPushInFlight(q *Ring[int], v int) caughtPeer {
	return caughtPeer{"Ring push", func() { q.r.tail.Add(1) }, func() {
		q.r.slots[0].val = v
		q.r.slots[0].seq.Store(1)
	}}
}

// ringPopInFlight: a pop on q (full, capacity 1) has claimed position 0
// and will free its slot.
func ringPopInFlight(q *Ring[int]) caughtPeer {
	return caughtPeer{"Ring pop", func() { q.r.head.Add(1) }, func() {
		q.r.slots[0].val = 0
		q.r.slots[0].seq.Store(2)
	}}
}

// linkedPushInFlight: a push on q (empty) has claimed position 0 and will
// fill it with v.
func linkedPushInFlight(q *Linked[int], v int) caughtPeer {
	return caughtPeer{"Linked push", func() { q.l.tail.Add(1) }, func() {
		s := &q.l.headSeg.Load().slots[0]
		s.val = v
		s.full.Store(true)
	}}
}

// TestUnconfirmedPopDoesNotWait: while a push is in flight, the
// unconfirmed pop answers "empty" at once (pop would wait for the push),
// and takes the item once it is filled.
func TestUnconfirmedPopDoesNotWait(t *testing.T) {
	ring, linked := NewRing[int](2), NewLinked[int]()
	for _, c := range []struct {
		peer caughtPeer
		buf  unconfirmedBuffer[int]
	}{{ringPushInFlight(ring, 5), &ring.r}, {linkedPushInFlight(linked, 5), &linked.l}} {
		c.peer.claim()
		popped := async(func() error {
			if v, ok := c.buf.popUnconfirmed(); ok {
				return fmt.Errorf("popUnconfirmed = %d, true; want false", v)
			}
			return nil
		})
		mustIs(t, c.peer.name+" in flight", result(t, "popUnconfirmed", popped), nil)
		c.peer.release()
		if v, ok := c.buf.popUnconfirmed(); !ok || v != 5 {
			t.Fatalf("%s filled: popUnconfirmed = %d, %v; want 5, true", c.peer.name, v, ok)
		}
	}
}

// TestUnconfirmedPushDoesNotWait: while a pop holds the only slot, the
// unconfirmed push answers "full" at once (push would wait for the pop),
// and succeeds once the slot is freed.
func TestUnconfirmedPushDoesNotWait(t *testing.T) {
	q := NewRing[int](1)
	mustIs(t, "TryPut", q.TryPut(1), nil)
	peer := ringPopInFlight(q)
	peer.claim()
	pushedNot := async(func() error {
		if r := q.r.pushUnconfirmed(2); r != pushFull {
			return fmt.Errorf("pushUnconfirmed = %v, want pushFull", r)
		}
		return nil
	})
	mustIs(t, "pop in flight", result(t, "pushUnconfirmed", pushedNot), nil)
	peer.release()
	if r := q.r.pushUnconfirmed(2); r != pushed {
		t.Fatalf("slot freed: pushUnconfirmed = %v, want pushed", r)
	}
}

// TestDoneContextWaitsForPeerInFlight: with a context that has ended, Get
// and Put answer ctx.Err() only if a confirmed attempt fails. A peer in
// flight makes the queue non-empty (non-full), so the call waits for it
// rather than answer Canceled on the strength of an unconfirmed attempt.
func TestDoneContextWaitsForPeerInFlight(t *testing.T) {
	ring, linked := NewRing[int](2), NewLinked[int]()
	for _, c := range []struct {
		peer caughtPeer
		q    Queue[int]
	}{{ringPushInFlight(ring, 5), ring}, {linkedPushInFlight(linked, 5), linked}} {
		c.peer.claim()
		got := make(chan int, 1)
		get := async(func() error {
			v, err := c.q.Get(doneCtx())
			got <- v
			return err
		})
		blocked(t, "Get with a done context while a "+c.peer.name+" is in flight", get)
		c.peer.release()
		mustIs(t, "Get once the "+c.peer.name+" has filled its slot", result(t, "Get", get), nil)
		if v := <-got; v != 5 {
			t.Fatalf("Get = %d, want 5", v)
		}
	}

	q := NewRing[int](1)
	mustIs(t, "TryPut", q.TryPut(1), nil)
	peer := ringPopInFlight(q)
	peer.claim()
	put := async(func() error { return q.Put(doneCtx(), 2) })
	blocked(t, "Put with a done context while a Ring pop is in flight", put)
	peer.release()
	mustIs(t, "Put once the slot is freed", result(t, "Put", put), nil)
}

// TestWaitConfirmsBeforeCanceling: once ctx has ended, wait answers
// ctx.Err() only if confirm fails too, whatever try said.
func TestWaitConfirmsBeforeCanceling(t *testing.T) {
	var q waitq
	never := func() (int, error) { return 0, ErrEmpty }
	confirmed := func() (int, error) { return 7, nil }
	if v, err := wait(doneCtx(), &q, ErrEmpty, never, confirmed); v != 7 || err != nil {
		t.Fatalf("wait with a confirm that succeeds = %d, %v; want 7, nil", v, err)
	}
	if _, err := wait(doneCtx(), &q, ErrEmpty, never, never); err != context.Canceled {
		t.Fatalf("wait with a confirm that fails = %v, want %v", err, context.Canceled)
	}
}

// TestNoLostWakeupBehindPeerInFlight: a peer in flight on the slot in
// front, a later slot ready whose wake-up found no waiter, two calls
// waiting. The peer, once done, wakes one of them; the other must not
// sleep on while the later slot is ready (found in review: a waiter that
// slept on an unconfirmed failure did).
func TestNoLostWakeupBehindPeerInFlight(t *testing.T) {
	ring, linked := NewRing[int](4), NewLinked[int]()
	for _, c := range []struct {
		peer caughtPeer
		q    Queue[int]
		e    *engine[int]
	}{{ringPushInFlight(ring, 1), ring, &ring.engine}, {linkedPushInFlight(linked, 1), linked, &linked.engine}} {
		c.peer.claim()
		mustIs(t, "TryPut behind the "+c.peer.name, c.q.TryPut(2), nil)
		get := func() error { _, err := c.q.Get(context.Background()); return err }
		g1 := async(get)
		awaitWaiters(t, &c.e.getters, 1)
		g2 := async(get)
		awaitWaiters(t, &c.e.getters, 2)
		c.peer.release()
		c.e.getters.wakeOne() // as the push in flight does when done
		mustIs(t, "first Get", result(t, "Get", g1), nil)
		mustIs(t, "second Get", result(t, "Get", g2), nil)
	}

	q := NewRing[int](2)
	fill(t, q, 2)
	peer := ringPopInFlight(q)
	peer.claim()
	if v, err := q.TryGet(); v != 2 || err != nil {
		t.Fatalf("TryGet behind the pop in flight = %d, %v; want 2, nil", v, err)
	}
	put := func() error { return q.Put(context.Background(), 3) }
	p1 := async(put)
	awaitWaiters(t, &q.putters, 1)
	p2 := async(put)
	awaitWaiters(t, &q.putters, 2)
	q.r.slots[0].val = 0
	q.r.slots[0].seq.Store(2 * 2) // the pop in flight frees slot 0 for position 2
	q.putters.wakeOne()
	mustIs(t, "first Put", result(t, "Put", p1), nil)
	mustIs(t, "second Put", result(t, "Put", p2), nil)
}
