package queue

import (
	"cmp"
	"math/rand/v2"
	"testing"
)

// TestHeapOrder mixes pushes and pops of keys with many duplicates: every
// pop returns the smallest key, and equal keys in the order they were put.
func TestHeapOrder(t *testing.T) {
	type item struct{ key, id int }
	h := heap[item]{cmp: func(a, b item) int { return cmp.Compare(a.key, b.key) }}
	r := rand.New(rand.NewPCG(1, 2))
	var model []item // kept sorted by key, then id
	for id := range 20000 {
		if len(model) == 0 || r.IntN(3) != 0 {
			it := item{r.IntN(50), id}
			h.push(it)
			at := len(model)
			for at > 0 && model[at-1].key > it.key {
				at--
			}
			model = append(model[:at], append([]item{it}, model[at:]...)...)
			continue
		}
		got, ok := h.pop()
		if !ok || got != model[0] {
			t.Fatalf("pop = %v, %v; want %v", got, ok, model[0])
		}
		model = model[1:]
	}
	for range model {
		got, _ := h.pop()
		if got != model[0] {
			t.Fatalf("pop = %v, want %v", got, model[0])
		}
		model = model[1:]
	}
	if _, ok := h.pop(); ok {
		t.Fatal("pop on an empty heap succeeded")
	}
}
