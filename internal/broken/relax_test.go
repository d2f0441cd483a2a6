package broken

import (
	"context"
	"errors"
	"testing"

	"github.com/pcqkit/pcq/queue"
)

func TestLossyDrops(t *testing.T) {
	q := NewLossy(0)
	for v := 1; v <= 10; v++ {
		if err := q.Put(context.Background(), v); err != nil {
			t.Fatalf("put %d: %v", v, err)
		}
	}
	var got []int
	for q.Len() > 0 {
		v, _ := q.TryGet()
		got = append(got, v)
	}
	if want := []int{1, 2, 3, 4, 6, 7, 8, 9}; !equal(got, want) {
		t.Fatalf("got %v, want %v (every fifth put dropped)", got, want)
	}
	b := NewLossy(2)
	for v := 1; v <= 3; v++ {
		if err := b.TryPut(v); err != nil {
			t.Fatalf("try_put %d: %v", v, err)
		}
	}
	if v, _ := b.TryGet(); v != 2 || b.Len() != 1 {
		t.Fatalf("a full lossy queue kept its oldest item: got %d, len %d", v, b.Len())
	}
}

func TestLossyReorder(t *testing.T) {
	q := NewLossyReorder(0)
	for v := 1; v <= 4; v++ {
		_ = q.TryPut(v)
	}
	var got []int
	for q.Len() > 0 {
		v, _ := q.TryGet()
		got = append(got, v)
	}
	if want := []int{1, 2, 4, 3}; !equal(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestSpuriousFails(t *testing.T) {
	q := NewSpurious(0)
	var full, empty int
	for v := range 8 {
		if err := q.TryPut(v); errors.Is(err, queue.ErrFull) {
			full++
		}
	}
	for range 8 {
		if _, err := q.TryGet(); errors.Is(err, queue.ErrEmpty) {
			empty++
		}
	}
	if full != 2 || empty != 2 || q.Len() != 0 {
		t.Fatalf("full %d, empty %d, len %d; want 2, 2, 0", full, empty, q.Len())
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
