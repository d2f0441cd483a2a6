package fast

import (
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

// The replay is what makes a built linearization a proof: it must reject
// every sequence that is not one.
func TestFastReplayRejects(t *testing.T) {
	ops := []history.Operation{histgen.Put(0, 1, 0, 2), histgen.Put(1, 2, 0, 2), histgen.Get(2, 1, 3, 5), histgen.Empty(2, 6, 7)}
	h := history.History{Capacity: 2, Operations: ops}
	fh, why := prepare(h)
	if why != "" {
		t.Fatal(why)
	}
	cases := map[string][]event{
		"outside interval":   {{0, 3}, {1, 2}, {2, 4}},
		"time goes back":     {{0, 2}, {1, 1}, {2, 4}},
		"wrong value got":    {{1, 1}, {0, 2}, {2, 4}},
		"operation twice":    {{0, 1}, {0, 1}, {1, 2}, {2, 4}},
		"empty while queued": {{0, 1}, {1, 2}, {2, 4}, {3, 6}},
		"missing operation":  {{0, 1}, {2, 4}},
	}
	for name, seq := range cases {
		if fh.replay(seq) {
			t.Errorf("%s: replay accepted %v", name, seq)
		}
	}
	small := history.History{Capacity: 1, Operations: ops[:3]}
	fs, _ := prepare(small)
	if fs.replay([]event{{0, 1}, {1, 2}, {2, 4}}) {
		t.Error("replay accepted a put into a full queue")
	}
}

func TestFastReplayAccepts(t *testing.T) {
	ops := []history.Operation{histgen.Put(0, 1, 0, 2), histgen.Put(1, 2, 0, 2), histgen.Get(2, 1, 3, 5), histgen.Get(2, 2, 6, 7), histgen.Empty(0, 6, 8),
		histgen.TryPut(1, 9, 1, 2, models.OK)}
	ops[5] = histgen.TryPut(1, 9, 3, 3, models.Full)
	h := history.History{Capacity: 2, Operations: ops}
	fh, _ := prepare(h)
	seq := []event{{0, 1}, {1, 2}, {5, 3}, {2, 4}, {3, 7}, {4, 7}}
	if !fh.replay(seq) {
		t.Fatalf("replay rejected a linearization: %v", seq)
	}
}

func TestFastSortStable(t *testing.T) {
	for _, n := range []int{0, 1, 5, 32, 33, 1024, 5000} {
		keys := make([]sortKey, n)
		for i := range keys {
			keys[i] = sortKey{k: int64((i*7919)%97) - 40 + int64(i%3)<<40, i: int32(i)}
		}
		got := sortKeys(keys)
		for i := 1; i < len(got); i++ {
			a, b := got[i-1], got[i]
			if a.k > b.k || (a.k == b.k && a.i > b.i) {
				t.Fatalf("n=%d: not sorted stably at %d: %v then %v", n, i, a, b)
			}
		}
	}
}
