package atomic

import (
	"sync/atomic"
	"testing"
	"unsafe"
)

// layout is where a T lands as a field after a byte, and how big it is.
type layout struct{ size, align, offset uintptr }

func layoutOf[T any]() layout {
	var s struct {
		b byte
		v T
	}
	return layout{unsafe.Sizeof(s.v), unsafe.Alignof(s.v), unsafe.Offsetof(s.v)}
}

// TestLayoutUnchanged: each type has the size and alignment of the real one,
// alone and as a field after a byte (the padding structs of user code keep
// their layout; Int64 and Uint64 keep their 64-bit alignment).
func TestLayoutUnchanged(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want layout
	}{
		{"Bool", layoutOf[Bool](), layoutOf[atomic.Bool]()},
		{"Int32", layoutOf[Int32](), layoutOf[atomic.Int32]()},
		{"Int64", layoutOf[Int64](), layoutOf[atomic.Int64]()},
		{"Uint32", layoutOf[Uint32](), layoutOf[atomic.Uint32]()},
		{"Uint64", layoutOf[Uint64](), layoutOf[atomic.Uint64]()},
		{"Uintptr", layoutOf[Uintptr](), layoutOf[atomic.Uintptr]()},
		{"Pointer", layoutOf[Pointer[int]](), layoutOf[atomic.Pointer[int]]()},
		{"Value", layoutOf[Value](), layoutOf[atomic.Value]()},
	} {
		if c.got != c.want {
			t.Errorf("%s: size, alignment, offset after a byte = %v, want %v (sync/atomic's)", c.name, c.got, c.want)
		}
	}
	if got := layoutOf[Int64]().align; got != 8 {
		t.Errorf("Int64 aligned to %d bytes, want 8", got)
	}
}
