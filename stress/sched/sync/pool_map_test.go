package sync

import (
	"slices"
	"testing"
)

// TestPoolNew: an empty pool without New gives nil, with New a new value;
// Put values come back (the real pool underneath; it may drop them, so only
// the type is asserted).
func TestPoolNew(t *testing.T) {
	var empty Pool
	if empty.Get() != nil {
		t.Fatal("Get of an empty pool without New is not nil")
	}
	made := 0
	p := Pool{New: func() any { made++; return new([64]byte) }}
	x := p.Get()
	if _, ok := x.(*[64]byte); !ok || made != 1 {
		t.Fatalf("Get of an empty pool: %T after %d New", x, made)
	}
	p.Put(x)
	if _, ok := p.Get().(*[64]byte); !ok {
		t.Fatal("Get after Put is not a *[64]byte")
	}
}

// TestMapOps: every operation with the standard results.
func TestMapOps(t *testing.T) {
	var m Map
	m.Store("a", 1)
	if v, ok := m.Load("a"); !ok || v != 1 {
		t.Fatal("Load after Store")
	}
	if v, loaded := m.LoadOrStore("a", 2); !loaded || v != 1 {
		t.Fatal("LoadOrStore of a present key")
	}
	if v, loaded := m.LoadOrStore("b", 2); loaded || v != 2 {
		t.Fatal("LoadOrStore of an absent key")
	}
	if prev, loaded := m.Swap("a", 3); !loaded || prev != 1 {
		t.Fatal("Swap")
	}
	if m.CompareAndSwap("a", 1, 4) || !m.CompareAndSwap("a", 3, 4) {
		t.Fatal("CompareAndSwap")
	}
	if m.CompareAndDelete("b", 1) || !m.CompareAndDelete("b", 2) {
		t.Fatal("CompareAndDelete")
	}
	m.Store("c", 5)
	var keys []string
	m.Range(func(k, _ any) bool { keys = append(keys, k.(string)); return true })
	slices.Sort(keys)
	if !slices.Equal(keys, []string{"a", "c"}) {
		t.Fatalf("Range saw %v", keys)
	}
	if v, loaded := m.LoadAndDelete("a"); !loaded || v != 4 {
		t.Fatal("LoadAndDelete")
	}
	m.Delete("c")
	m.Store("d", 6)
	m.Clear()
	n := 0
	m.Range(func(_, _ any) bool { n++; return true })
	if n != 0 {
		t.Fatalf("%d keys after Clear", n)
	}
}

// TestMapConcurrent: concurrent LoadOrStore of the same keys agrees on one
// value per key (-race clean).
func TestMapConcurrent(t *testing.T) {
	var m Map
	run(4, func() {
		for k := range 100 {
			actual, _ := m.LoadOrStore(k, k*k)
			if actual != k*k {
				t.Errorf("key %d holds %v", k, actual)
			}
		}
	})
}
