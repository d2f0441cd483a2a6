package adapters

import (
	"slices"
	"testing"

	abq "github.com/adrianbrad/queue"
)

// After one overwrite, Circular's tail has moved past its head for good
// (Offer on a full queue advances tail only), so the queue stays corrupt:
// once drained, the next item put is never returned, and a Get returns an
// item that was already got. Capacity 2: Offer 1, 2, 3; Get → 3, 2, empty;
// Offer 4; Get → 3 again, and 4 is gone.
func TestFindingAdrianbradCircularStaleAfterOverwrite(t *testing.T) {
	q := abq.NewCircular[int](nil, 2)
	for v := 1; v <= 3; v++ {
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
	_ = q.Offer(4)
	v, err := q.Get()
	got = append(got, v)
	if want := []int{3, 2, 3}; err != nil || !slices.Equal(got, want) {
		t.Fatalf("got %v, %v; the finding was %v (3 twice, 4 never)", got, err, want)
	}
	if v, err := q.Get(); err == nil {
		t.Fatalf("a further Get returned %d: the finding was that 4 is lost", v)
	}
}
