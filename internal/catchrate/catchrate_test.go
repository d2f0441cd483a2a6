package catchrate

import (
	"testing"
	"time"
)

func TestReport(t *testing.T) {
	var tl Tally
	for _, d := range []time.Duration{3, 1, 2} {
		tl.Caught(d * time.Millisecond)
	}
	tl.Missed()
	want := "1 misses in 4 runs; catch median 2ms, slowest 3ms: margin 100x against a 300ms budget"
	if got := tl.Report(300 * time.Millisecond); got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	if got, want := tl.Report(0), "1 misses in 4 runs; catch median 2ms, slowest 3ms"; got != want {
		t.Fatalf("without a budget: got %q, want %q", got, want)
	}
	var inputs Tally
	inputs.Caught(6)
	if got, want := inputs.Report(78), "0 misses in 1 runs; catch median 6ns, slowest 6ns: margin 13x against a 78ns budget"; got != want {
		t.Fatalf("in nanoseconds: got %q, want %q", got, want)
	}
}

func TestTrialsReport(t *testing.T) {
	var tr Trials
	for _, n := range []int{1, 3, 1} {
		tr.Caught(n)
	}
	tr.Missed()
	tr.Passed(2 * time.Second)
	tr.Passed(time.Second)
	want := "1 misses in 4 searches; trials to catch median 1, most 3; slowest passing trial 2s: a 10m0s budget starts 300 trials or more, margin 100x"
	if got := tr.Report(10 * time.Minute); got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	if got, want := tr.ReportRuns(600), "1 misses in 4 searches; trials to catch median 1, most 3; a budget of 600 trials, margin 200x"; got != want {
		t.Fatalf("in trials: got %q, want %q", got, want)
	}
	var none Trials
	none.Missed()
	if got, want := none.Report(time.Minute), "1 misses in 1 searches; trials to catch median 0, most 0; slowest passing trial 0s"; got != want {
		t.Fatalf("with nothing measured: got %q, want %q", got, want)
	}
}
