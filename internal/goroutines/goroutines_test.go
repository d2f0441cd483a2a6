package goroutines

import (
	"slices"
	"testing"
)

func TestFamily(t *testing.T) {
	stop := make(chan struct{})
	ids := make(chan int64, 3)
	started := make(chan struct{})
	go func() { // the root, which ends before its grandchild
		ids <- ID()
		go func() {
			ids <- ID()
			go func() {
				ids <- ID()
				close(started)
				<-stop
			}()
			<-stop
		}()
	}()
	<-started
	root, child, grandchild := <-ids, <-ids, <-ids
	defer close(stop)
	other := make(chan struct{})
	go func() { <-other }() // not of the family
	defer close(other)
	got := Family(root)
	slices.Sort(got)
	// Goroutine ids come from per-processor batches: a goroutine started
	// later can have a smaller id, so the wanted sets are sorted too.
	want, whole := []int64{child, grandchild}, []int64{root, child, grandchild}
	slices.Sort(want)
	slices.Sort(whole)
	if !slices.Equal(got, want) && !slices.Equal(got, whole) {
		t.Fatalf("Family(%d) = %v; want %d and %d (and the root while it lasts)", root, got, child, grandchild)
	}
	if n := Alive([]int64{child, grandchild, -5}); n != 2 {
		t.Fatalf("Alive = %d, want 2", n)
	}
	if !Running(Stacks()[ID()]) {
		t.Fatal("the calling goroutine does not look running")
	}
}
