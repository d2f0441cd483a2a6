package sync

import (
	"errors"
	"testing"
)

// TestOnceRunsOnce: concurrent Do calls run f once, and none returns before
// f has.
func TestOnceRunsOnce(t *testing.T) {
	var once Once
	calls := 0
	run(4, func() {
		once.Do(func() { calls++ })
		if calls != 1 {
			t.Errorf("Do returned with %d calls of f", calls)
		}
	})
}

// TestOncePanics: a panicking f counts as done (the standard Once does so);
// OnceFunc and OnceValue re-panic with the same value on every call.
func TestOncePanics(t *testing.T) {
	var once Once
	if p := panicOf(func() { once.Do(func() { panic("boom") }) }); p != "boom" {
		t.Errorf("Do panicked with %v, want boom", p)
	}
	once.Do(func() { t.Error("f ran again after a panic") })

	calls := 0
	f := OnceFunc(func() { calls++; panic("f") })
	v := OnceValue(func() int { calls++; panic("v") })
	for range 2 {
		if p := panicOf(f); p != "f" {
			t.Errorf("OnceFunc panicked with %v, want f", p)
		}
		if p := panicOf(func() { v() }); p != "v" {
			t.Errorf("OnceValue panicked with %v, want v", p)
		}
	}
	if calls != 2 {
		t.Errorf("the functions were called %d times, want 2", calls)
	}
}

// TestOnceValues: the values of the one call, every time.
func TestOnceValues(t *testing.T) {
	calls := 0
	errSome := errors.New("some")
	one := OnceValue(func() int { calls++; return 7 })
	two := OnceValues(func() (string, error) { calls++; return "x", errSome })
	for range 3 {
		if one() != 7 {
			t.Fatal("OnceValue")
		}
		if s, err := two(); s != "x" || err != errSome {
			t.Fatal("OnceValues")
		}
	}
	if calls != 2 {
		t.Fatalf("the functions were called %d times, want 2", calls)
	}
}

func panicOf(f func()) (p any) {
	defer func() { p = recover() }()
	f()
	return nil
}
