package atomic

import (
	"sync"
	"testing"
	"unsafe"
)

// hammer runs op n times in each of g goroutines and waits for all.
func hammer(g, n int, op func()) {
	var wg sync.WaitGroup
	for range g {
		wg.Go(func() {
			for range n {
				op()
			}
		})
	}
	wg.Wait()
}

// TestConcurrentCountersExact: outside a scheduler the operations are the
// real atomic ones: concurrent increments lose nothing (and -race is quiet).
func TestConcurrentCountersExact(t *testing.T) {
	const g, n = 4, 2000
	var (
		i32 int32
		u64 uint64
		up  uintptr
		I64 Int64
		U32 Uint32
	)
	hammer(g, n, func() {
		AddInt32(&i32, 1)
		AddUint64(&u64, 2)
		AddUintptr(&up, 1)
		I64.Add(3)
		for {
			old := U32.Load()
			if U32.CompareAndSwap(old, old+1) {
				break
			}
		}
	})
	if LoadInt32(&i32) != g*n || LoadUint64(&u64) != 2*g*n || LoadUintptr(&up) != g*n ||
		I64.Load() != 3*g*n || U32.Load() != g*n {
		t.Fatalf("counts %d %d %d %d %d, want %d %d %d %d %d",
			i32, u64, up, I64.Load(), U32.Load(), g*n, 2*g*n, g*n, 3*g*n, g*n)
	}
}

// TestFunctionsActOnTheRealVariable: each function family returns what
// sync/atomic returns and leaves the value sync/atomic leaves.
func TestFunctionsActOnTheRealVariable(t *testing.T) {
	x := int64(0b1100)
	if old := AndInt64(&x, 0b1010); old != 0b1100 || x != 0b1000 {
		t.Errorf("AndInt64: old %b, now %b", old, x)
	}
	if old := OrInt64(&x, 0b0001); old != 0b1000 || x != 0b1001 {
		t.Errorf("OrInt64: old %b, now %b", old, x)
	}
	if old := SwapInt64(&x, 7); old != 0b1001 || x != 7 {
		t.Errorf("SwapInt64: old %d, now %d", old, x)
	}
	if CompareAndSwapInt64(&x, 6, 8) || !CompareAndSwapInt64(&x, 7, 8) || x != 8 {
		t.Errorf("CompareAndSwapInt64: now %d", x)
	}
	StoreInt64(&x, -1)
	if LoadInt64(&x) != -1 || AddInt64(&x, 2) != 1 {
		t.Errorf("Store/Load/AddInt64: now %d", x)
	}
}

// TestPointerFunctions: the unsafe.Pointer family on a real pointer variable.
func TestPointerFunctions(t *testing.T) {
	a, b := 1, 2
	var p unsafe.Pointer
	StorePointer(&p, unsafe.Pointer(&a))
	if LoadPointer(&p) != unsafe.Pointer(&a) {
		t.Fatal("LoadPointer after StorePointer")
	}
	if CompareAndSwapPointer(&p, unsafe.Pointer(&b), nil) {
		t.Fatal("CompareAndSwapPointer swapped on a wrong old value")
	}
	if old := SwapPointer(&p, unsafe.Pointer(&b)); old != unsafe.Pointer(&a) || *(*int)(p) != 2 {
		t.Fatal("SwapPointer")
	}
}

// TestTypes: Bool, Pointer[T], the bit operations and Value, with Value's
// own panics (nil, inconsistent type) intact.
func TestTypes(t *testing.T) {
	var b Bool
	if b.Swap(true) || !b.Load() || b.CompareAndSwap(false, true) || !b.CompareAndSwap(true, false) {
		t.Error("Bool")
	}
	one, two := 1, 2
	var p Pointer[int]
	p.Store(&one)
	if p.Swap(&two) != &one || !p.CompareAndSwap(&two, nil) || p.Load() != nil {
		t.Error("Pointer")
	}
	var u Uintptr
	u.Store(0b110)
	if u.And(0b011) != 0b110 || u.Or(0b100) != 0b010 || u.Load() != 0b110 {
		t.Errorf("Uintptr And/Or: now %b", u.Load())
	}
	var v Value
	if v.Load() != nil || v.Swap("a") != nil || !v.CompareAndSwap("a", "b") || v.Load() != "b" {
		t.Error("Value")
	}
	mustPanic(t, "Value.Store(nil)", func() { v.Store(nil) })
	mustPanic(t, "Value.Store of another type", func() { v.Store(1) })
}

func mustPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s did not panic", what)
		}
	}()
	f()
}
