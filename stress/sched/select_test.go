package sched

import (
	"slices"
	"testing"
)

// TestSelectOutside: outside a scheduler Select is Go's select: the ready
// case (a receive, a send, a closed channel), the default when none is,
// values and nil interfaces passed through.
func TestSelectOutside(t *testing.T) {
	ch := make(chan any, 1)
	full := make(chan int, 1)
	full <- 1
	out := make(chan int, 1)
	if got := Select(true, RecvCase(ch), SendCase(full, 2)); got != -1 {
		t.Fatalf("nothing ready: case %d, want the default", got)
	}
	ch <- nil
	r := RecvCase(ch)
	if got := Select(false, r, SendCase(full, 2)); got != 0 || !r.OK || r.V != nil {
		t.Fatalf("case %d, %v %v; want the receive of nil", got, r.V, r.OK)
	}
	if got := Select(false, RecvCase(ch), SendCase(out, 7)); got != 1 || <-out != 7 {
		t.Fatalf("case %d; want the send of 7", got)
	}
	close(ch)
	r = RecvCase(ch)
	if got := Select(true, r); got != 0 || r.OK {
		t.Fatalf("case %d, ok %v; want the closed channel's receive", got, r.OK)
	}
}

// TestSelectDeterministic: in managed goroutines, with two cases always
// ready, the choices are the same under every replay of a schedule and
// take turns (each case chosen).
func TestSelectDeterministic(t *testing.T) {
	var picks []int
	body := func() {
		picks = picks[:0]
		a, b := make(chan int, 10), make(chan int, 10)
		for i := range 10 {
			a <- i
			b <- i
		}
		done := make(chan struct{}, 2)
		for range 2 {
			Go(func() {
				for range 4 {
					Point("before", nil)
					ra, rb := RecvCase(a), RecvCase(b)
					picks = append(picks, Select(false, ra, rb))
				}
				done <- struct{}{}
			})
		}
		<-done
		<-done
	}
	first, err := Test(t, Random(4).Next(), body, Options{})
	if err != nil || first.Failure != nil {
		t.Fatal(err, first.Failure)
	}
	want := slices.Clone(picks)
	if !slices.Contains(want, 0) || !slices.Contains(want, 1) {
		t.Fatalf("picks %v: both cases should take turns", want)
	}
	for i := range 30 {
		res, err := Test(t, Replay(first.Schedule), body, Options{})
		if err != nil || res.Failure != nil || !slices.Equal(picks, want) {
			t.Fatalf("replay %d: %v %v, picks %v; want %v", i, err, res.Failure, picks, want)
		}
	}
}
