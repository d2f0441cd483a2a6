package instrument

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/pcqkit/pcq/stress/sched"
	"github.com/pcqkit/pcq/stress/sched/instrument/testdata/chanlock"
)

const chanlockPath = "github.com/pcqkit/pcq/stress/sched/instrument/testdata/chanlock"

// TestChanPointsRewrite: with Options.Channels, every statement with a
// channel operation gets a point on its own line (a select, a receive, a
// send, a close; not a range over a channel, which takes types to see),
// nothing else changes, and the package vets; without it, the file is
// untouched.
func TestChanPointsRewrite(t *testing.T) {
	res, err := OverlayWith(t.TempDir(), Options{Channels: true}, "./testdata/chanlock")
	if err != nil {
		t.Fatal(err)
	}
	orig, err := filepath.Abs("testdata/chanlock/chanlock.go")
	if err != nil {
		t.Fatal(err)
	}
	got := changedLines(t, orig, res.Replace[orig])
	want := []string{
		`package chanlock; import pcqsched "github.com/pcqkit/pcq/stress/sched"`,
		`	pcqsched.Point("select", nil); select {`,
		`	pcqsched.Point("chan receive", nil); <-q.lock`,
		`	pcqsched.Point("chan send", nil); q.items <- v`,
		`	pcqsched.Point("close", nil); close(q.items)`,
		`		pcqsched.Point("select", nil); switch pcqgosel0_0, pcqgosel0_1, pcqgosel0_2 := pcqsched.RecvCase(a), pcqsched.RecvCase(b), pcqsched.SendCase(out, 9); pcqsched.Select(false, pcqgosel0_0, pcqgosel0_1, pcqgosel0_2) {`,
		`		case 0: got, ok = pcqgosel0_0.V, pcqgosel0_0.OK;`,
		`		case 1: v, ok := pcqgosel0_1.V, pcqgosel0_1.OK;`,
		`		case 2:`,
		`		; default: panic("pcq: unreachable: sched.Select without a default"); }`,
		`	pcqsched.Point("select", nil); switch pcqgosel1_0, pcqgosel1_1 := pcqsched.RecvCase(a), pcqsched.RecvCase(b); pcqsched.Select(false, pcqgosel1_0, pcqgosel1_1) {`,
		`	case 0: v := pcqgosel1_0.V;`,
		`	case 1: v := pcqgosel1_1.V;`,
		`	; default: panic("pcq: unreachable: sched.Select without a default"); }`,
	}
	if !slices.Equal(got, want) {
		t.Fatalf("changed lines\n%q\nwant\n%q", got, want)
	}
	goTool(t, "vet", "-overlay", res.Overlay, "./testdata/chanlock")
	plain, err := Overlay(t.TempDir(), "./testdata/chanlock")
	if err != nil {
		t.Fatal(err)
	}
	for orig := range plain.Replace {
		if filepath.Base(orig) != markerFile {
			t.Fatalf("without Options.Channels the package was rewritten: %v", plain.Replace)
		}
	}
}

// TestChanLockSeenHeld: with channel points, an exhaustive search finds the
// schedule in which a put meets the channel lock that a Len holds, and
// every schedule's items are drained.
func TestChanLockSeenHeld(t *testing.T) {
	if !RerunWith(t, Options{Channels: true}, chanlockPath) {
		return
	}
	e := sched.DFS(2)
	refused, runs := false, 0
	for s := e.Next(); s != nil; s = e.Next() {
		var ok bool
		var sum int
		body := func() {
			q := chanlock.New(2)
			done := make(chan struct{}, 2)
			sched.Go(func() { q.Len(); done <- struct{}{} })
			sched.Go(func() { ok = q.Put(5); done <- struct{}{} })
			<-done
			<-done
			sum = q.Drain(0)
		}
		res, err := sched.Test(t, s, body, sched.Options{})
		if err != nil || res.Failure != nil {
			t.Fatalf("schedule %d: %v %v", runs, err, res.Failure)
		}
		e.Done(res)
		runs++
		refused = refused || !ok
		if ok != (sum == 5) {
			t.Fatalf("schedule %d: put %v, drained %d", runs, ok, sum)
		}
	}
	if !refused {
		t.Fatalf("none of the %d schedules saw the lock held", runs)
	}
	t.Logf("%d schedules; the lock was seen held", runs)
}

// TestSelectRewriteRuns: the rewritten select takes a ready case (either,
// outside a scheduler; the same one under every replay of a schedule),
// a closed channel's receive, or sends when nothing is to be received.
func TestSelectRewriteRuns(t *testing.T) {
	if !RerunWith(t, Options{Channels: true}, chanlockPath) {
		return
	}
	ready := func() (chan int, chan int) {
		a, b := make(chan int, 1), make(chan int, 1)
		a <- 1
		b <- 2
		return a, b
	}
	seen := map[int]bool{}
	for range 200 {
		a, b := ready()
		seen[chanlock.Pick(a, b, nil)] = true
	}
	if !seen[1] || !seen[2] || len(seen) != 2 {
		t.Fatalf("outside a scheduler Pick gave %v; want 1 and 2, Go's random choice", seen)
	}
	closed := make(chan int)
	close(closed)
	out := make(chan int, 1)
	if got := chanlock.Pick(closed, nil, nil); got != -1 {
		t.Fatalf("Pick of a closed channel: %d, want -1", got)
	}
	var got int
	body := func() {
		a, b := ready()
		sched.Point("before", nil)
		got = chanlock.Pick(a, b, out)
	}
	first, err := sched.Test(t, sched.Random(1).Next(), body, sched.Options{})
	if err != nil || first.Failure != nil {
		t.Fatal(err, first.Failure)
	}
	want := got
	for i := range 20 {
		if res, err := sched.Test(t, sched.Replay(first.Schedule), body, sched.Options{}); err != nil || res.Failure != nil || got != want {
			t.Fatalf("replay %d: %v %v, got %d; want %d", i, err, res.Failure, got, want)
		}
	}
}
