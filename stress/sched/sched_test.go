package sched

import (
	"errors"
	"strings"
	"testing"
)

func TestDFSFindsLostUpdate(t *testing.T) {
	var got int64
	runs, found := explore(t, DFS(1), 1000, incrementers(2, (*counter).racyIncr, &got), func(r *Result) bool { return got != 2 })
	if found == nil {
		t.Fatalf("DFS(1) ran %d schedules and never lost an update", runs)
	}
	t.Logf("lost update after %d schedules: %s", runs, found.Schedule)
}

func TestDFSExhaustsCorrectCounter(t *testing.T) {
	var got int64
	runs, found := explore(t, DFS(2), 100_000, incrementers(2, (*counter).casIncr, &got), func(r *Result) bool { return got != 2 || r.Failure != nil })
	if found != nil {
		t.Fatalf("a CAS counter lost an update or failed: got %d, %v", got, found.Failure)
	}
	if runs < 10 || runs == 100_000 {
		t.Fatalf("DFS(2) over 2 CAS incrementers ran %d schedules; want a complete, non-trivial exploration", runs)
	}
	t.Logf("all %d schedules with <= 2 preemptions explored", runs)
}

// The number of schedules grows with the bound, and with no bound it is the
// number of interleavings: two goroutines of p points each (after their
// start point) interleave in C(2p, p) ways, times the spawn/exit choices.
func TestDFSCountGrowsWithBound(t *testing.T) {
	var got int64
	body := incrementers(2, (*counter).racyIncr, &got)
	prev := 0
	for bound := 0; bound <= 4; bound++ {
		runs, _ := explore(t, DFS(bound), 100_000, body, func(*Result) bool { return false })
		if runs < prev {
			t.Fatalf("bound %d: %d schedules, fewer than bound %d's %d", bound, runs, bound-1, prev)
		}
		prev = runs
		t.Logf("bound %d: %d schedules", bound, runs)
	}
	if prev < 6 {
		t.Fatalf("bound 4: %d schedules; two goroutines of two points interleave in at least 6 ways", prev)
	}
}

func TestReplayIsExact(t *testing.T) {
	var got int64
	body := incrementers(3, (*counter).racyIncr, &got)
	_, found := explore(t, Random(7), 1000, body, func(r *Result) bool { return got != 3 })
	if found == nil {
		t.Fatal("random never lost an update among 3 incrementers")
	}
	want := got
	text := found.Schedule.String()
	for i := range 100 {
		s, err := ParseSchedule(text)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Test(t, Replay(s), body, Options{})
		if err != nil {
			t.Fatalf("replay %d of %s: %v", i, text, err)
		}
		if got != want || res.Schedule.String() != text {
			t.Fatalf("replay %d of %s: count %d (want %d), schedule %s", i, text, got, want, res.Schedule)
		}
	}
}

func TestReplayMismatch(t *testing.T) {
	var got int64
	body := incrementers(2, (*counter).racyIncr, &got)
	res, err := Test(t, Random(1).Next(), body, Options{})
	if err != nil {
		t.Fatal(err)
	}
	other := incrementers(3, (*counter).racyIncr, &got)
	_, err = Test(t, Replay(res.Schedule), other, Options{})
	if !errors.Is(err, ErrMismatch) {
		t.Fatalf("replaying a 2-goroutine schedule on 3 goroutines: err = %v, want ErrMismatch", err)
	}
	short := res.Schedule
	short.Decisions = short.Decisions[:len(short.Decisions)-1]
	if _, err = Test(t, Replay(short), body, Options{}); !errors.Is(err, ErrMismatch) {
		t.Fatalf("replaying a truncated schedule: err = %v, want ErrMismatch", err)
	}
}

func TestDeadlockReported(t *testing.T) {
	body := func() {
		var a, b mutex
		done := make(chan struct{}, 2)
		Go(func() { a.lock(); b.lock(); b.unlock(); a.unlock(); done <- struct{}{} })
		Go(func() { b.lock(); a.lock(); a.unlock(); b.unlock(); done <- struct{}{} })
		for range 2 {
			select {
			case <-done:
			case <-Context().Done():
			}
		}
	}
	runs, found := explore(t, DFS(1), 1000, body, func(r *Result) bool { return r.Failure != nil })
	if found == nil {
		t.Fatalf("DFS(1) ran %d schedules and found no deadlock in lock-order inversion", runs)
	}
	var d *Deadlock
	if !errors.As(found.Failure, &d) {
		t.Fatalf("failure %v, want a *Deadlock", found.Failure)
	}
	msg := d.Error()
	for _, want := range []string{"waiting in lock", "blocked in select at sched_test.go"} {
		if !strings.Contains(msg, want) {
			t.Errorf("deadlock report lacks %q:\n%s", want, msg)
		}
	}
	if found.Stuck != 0 {
		t.Errorf("%d goroutines left stuck; the abort should unwind them all", found.Stuck)
	}
}

func TestLivelockReported(t *testing.T) {
	body := func() {
		var flag counter
		Go(func() {
			for {
				Point("load", nil)
				if flag.v.Load() != 0 {
					return
				}
				Gosched()
			}
		})
	}
	res, err := Test(t, Random(1).Next(), body, Options{MaxSteps: 500})
	if err != nil {
		t.Fatal(err)
	}
	var l *Livelock
	if !errors.As(res.Failure, &l) || l.Steps != 500 {
		t.Fatalf("failure %v, want a *Livelock at 500 steps", res.Failure)
	}
}

func TestPanicReported(t *testing.T) {
	body := func() {
		Go(func() { Point("x", nil); panic("boom") })
	}
	res, err := Test(t, Random(1).Next(), body, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var p *Panic
	if !errors.As(res.Failure, &p) || p.Value != "boom" || p.Goroutine != 1 {
		t.Fatalf("failure %v, want goroutine 1's panic boom", res.Failure)
	}
}

func TestTraceNamesTheLine(t *testing.T) {
	var got int64
	res, err := Test(t, Random(3).Next(), incrementers(2, (*counter).racyIncr, &got), Options{Trace: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Trace) != res.Steps {
		t.Fatalf("%d trace steps for %d steps", len(res.Trace), res.Steps)
	}
	var sawLoad bool
	for _, s := range res.Trace {
		if s.What == "load" {
			sawLoad = true
			if !strings.HasPrefix(s.At.String(), "helpers_test.go:") || !strings.Contains(s.At.Function, "racyIncr") {
				t.Fatalf("step %v does not name racyIncr's line", s)
			}
		}
	}
	if !sawLoad {
		t.Fatal("no load step in the trace")
	}
}

func TestPCTFindsLostUpdate(t *testing.T) {
	var got int64
	runs, found := explore(t, PCT(1, 2), 2000, incrementers(3, (*counter).racyIncr, &got), func(r *Result) bool { return got != 3 })
	if found == nil {
		t.Fatalf("PCT(depth 2) ran %d schedules and never lost an update", runs)
	}
	t.Logf("PCT lost an update after %d schedules", runs)
}

func TestScheduleStringRoundTrip(t *testing.T) {
	s := Schedule{Decisions: []int{0, 0, 0, 1, 2, 2, 0}, Fingerprint: 0xdeadbeef}
	text := s.String()
	if text != "s1:deadbeef:0*3.1.2*2.0" {
		t.Fatalf("String() = %q", text)
	}
	back, err := ParseSchedule(text)
	if err != nil || back.String() != text {
		t.Fatalf("ParseSchedule(%q) = %v, %v", text, back, err)
	}
	for _, bad := range []string{"", "s2:0:1", "s1:zz:1", "s1:0:a", "s1:0:1*0", "s1:0:-1"} {
		if _, err := ParseSchedule(bad); err == nil {
			t.Errorf("ParseSchedule(%q) accepted", bad)
		}
	}
}

func TestHooksPassThroughOutsideScheduler(t *testing.T) {
	if Managed() || Now() != -1 || Context() != nil {
		t.Fatal("an unmanaged goroutine is seen as managed")
	}
	if Await("x", nil, func() bool { t.Fatal("ready called outside a scheduler"); return true }) {
		t.Fatal("Await returned true outside a scheduler")
	}
	var c counter
	c.racyIncr()
	done := make(chan struct{})
	Go(func() { close(done) })
	<-done
	if c.v.Load() != 1 {
		t.Fatal("Point changed the counter")
	}
}
