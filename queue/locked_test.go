package queue

import "testing"

// TestLockedStorage: a bounded Locked grows its storage up to the
// capacity and no further; an unbounded one grows as needed and shrinks
// once mostly empty; the items come out in order across every resize and
// every wrap of the ring.
func TestLockedStorage(t *testing.T) {
	bounded := NewLocked[int](100)
	for i := range 100 {
		mustIs(t, "TryPut", bounded.TryPut(i), nil)
	}
	if got := len(bounded.d.items); got != 100 {
		t.Fatalf("bounded at 100, full: storage %d, want 100", got)
	}
	mustIs(t, "TryPut on a full queue", bounded.TryPut(100), ErrFull)
	for i := range 250 { // wraps the ring twice, one out, one in
		mustGet(t, bounded, i)
		mustIs(t, "TryPut", bounded.TryPut(100+i), nil)
	}

	q := NewLocked[int](0)
	for i := range 1000 {
		mustIs(t, "TryPut", q.TryPut(i), nil)
	}
	grown := len(q.d.items)
	if grown < 1000 {
		t.Fatalf("unbounded, 1000 items: storage %d", grown)
	}
	for i := range 990 {
		mustGet(t, q, i)
	}
	if got := len(q.d.items); got >= grown/4 || got < 10 {
		t.Fatalf("unbounded, 10 items left: storage %d, want below %d and at least 10", got, grown/4)
	}
	for i := 990; i < 1000; i++ {
		mustGet(t, q, i)
	}
	if q.Len() != 0 {
		t.Fatalf("Len = %d, want 0", q.Len())
	}
}
