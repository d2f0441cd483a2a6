package explore

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestOutcomesRoundTrip: what WriteOutcomes writes, ReadOutcomes reads back.
func TestOutcomesRoundTrip(t *testing.T) {
	want := []Outcome{
		{Library: "a", Status: Caught, Strategy: "pct:3", Schedules: 8, Check: "conservation", Capacity: 1,
			Token: "x1/c1=put/s1:0:", Reproduced: 5, Replays: 5, Where: "ring.go:89"},
		{Library: "b", Status: Passed, PCT: 2000, Exhaustive: Exhaustive{Bound: 2, Schedules: 3000, Scenarios: 2, Complete: 1, Incomplete: 1}},
		{Library: "c", Status: NotRun, Note: "why"},
	}
	path := filepath.Join(t.TempDir(), "outcomes.json")
	if err := WriteOutcomes(path, want); err != nil {
		t.Fatal(err)
	}
	got, err := ReadOutcomes(path)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("read %+v, %v; want %+v", got, err, want)
	}
	for i, cell := range []string{
		"caught in 8 schedules (pct:3, conservation, capacity 1; replayed 5/5) at ring.go:89",
		"passed 2000 PCT schedules, and 3000 exhaustive ones (≤ 2 preemptions): 1 scenarios complete, 1 cut short by the budget",
		"not run: why",
	} {
		if got[i].Cell() != cell {
			t.Errorf("cell %q, want %q", got[i].Cell(), cell)
		}
	}
}

// TestLibraryLine: the first trace line in a file of the library's
// packages, its function qualified by the package's name or by the last
// element of its import path (go-diodes for package diodes).
func TestLibraryLine(t *testing.T) {
	trace := strings.Join([]string{
		"  step    3  goroutine 0   go at run.go:209 (scenario.(*exec).run)",
		"  step   22  client 1    put(1) → ok   atomic.AddUint64 at many_to_one.go:43 (go-diodes.(*ManyToOne).Set)",
	}, "\n")
	if got := libraryLine(trace, []string{"code.cloudfoundry.org/go-diodes"}); got != "many_to_one.go:43" {
		t.Fatalf("libraryLine = %q, want many_to_one.go:43", got)
	}
	if got := libraryLine(trace, []string{"github.com/eapache/queue"}); got != "" {
		t.Fatalf("libraryLine = %q for a library the trace does not name", got)
	}
	if got := capacityOf("scenario seed=7 capacity=3 clients=2 ops=4"); got != 3 {
		t.Fatalf("capacityOf = %d, want 3", got)
	}
}
