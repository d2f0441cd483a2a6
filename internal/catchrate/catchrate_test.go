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
