package adapters

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/queue"
)

// sanityLoad is the small concurrent check: 4 producers x 1000 items, 4
// consumers, at most a few seconds.
var sanityLoad = load{producers: 4, consumers: 4, perProducer: 1000, limit: 4 * time.Second, quiet: 300 * time.Millisecond}

// sanityCap is the capacity asked of bounded libraries in the concurrent
// check.
const sanityCap = 16

// getOne gets an item with TryGet, or with a short Get if TryGet is
// unsupported.
func getOne(q queue.Queue[int]) (int, error) {
	v, err := q.TryGet()
	if !errors.Is(err, errors.ErrUnsupported) {
		return v, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	v, err = q.Get(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		return v, queue.ErrEmpty
	}
	return v, err
}

// drainAll gets items until the queue says it is empty (at most max).
func drainAll(q queue.Queue[int], limit int) ([]int, error) {
	var got []int
	for range limit {
		v, err := getOne(q)
		if errors.Is(err, queue.ErrEmpty) {
			return got, nil
		}
		if err != nil {
			return got, err
		}
		got = append(got, v)
	}
	return got, fmt.Errorf("still not empty after %d gets", limit)
}

// sequential puts 1, 2, 3 and expects to get them back in order, then
// empty.
func sequential(l Library) string {
	q := l.New(l.Capacity)
	for v := 1; v <= 3; v++ {
		if err := q.TryPut(v); err != nil {
			return fmt.Sprintf("TryPut(%d): %v", v, err)
		}
	}
	if n := q.Len(); n >= 0 && n != 3 {
		return fmt.Sprintf("Len() = %d after 3 puts", n)
	}
	got, err := drainAll(q, 10)
	if err != nil || !slices.Equal(got, []int{1, 2, 3}) {
		return fmt.Sprintf("got %v, %v; want [1 2 3] then empty", got, err)
	}
	return "ok"
}

// overflow fills a bounded queue to Cap and puts once more. A strict queue
// answers full and gives the items back in order. A lossy one accepts the
// extra item and may drop any items, but must keep the order of those it
// gives back, and, if it counts its drops, count them all.
func overflow(l Library) string {
	if l.Capacity == 0 {
		return "n/a (unbounded)"
	}
	q := l.New(l.Capacity)
	c := q.Cap()
	for v := 1; v <= c; v++ {
		if err := q.TryPut(v); err != nil {
			return fmt.Sprintf("TryPut(%d) with Cap %d: %v", v, c, err)
		}
	}
	extra := q.TryPut(c + 1)
	got, err := drainAll(q, 2*c+2)
	if err != nil {
		return fmt.Sprintf("Cap %d: drain: %v (got %v)", c, err, got)
	}
	if !l.Relaxed(linearizability.Lossy) {
		if !errors.Is(extra, queue.ErrFull) || !slices.Equal(got, seq(1, c)) {
			return fmt.Sprintf("Cap %d: extra TryPut = %v, then got %v; want %v then %v", c, extra, got, queue.ErrFull, seq(1, c))
		}
		return "ok"
	}
	if extra != nil || !isIncreasing(got) {
		return fmt.Sprintf("Cap %d: extra TryPut = %v, then got %v; want nil then an increasing subsequence of 1..%d", c, extra, got, c+1)
	}
	s := fmt.Sprintf("ok: got %v", got)
	if d, ok := q.(interface{ Dropped() int64 }); ok {
		if int(d.Dropped())+len(got) != c+1 {
			return fmt.Sprintf("Cap %d: got %v but the library counted %d drops of %d", c, got, d.Dropped(), c+1)
		}
		s += fmt.Sprintf(", %d drops counted", d.Dropped())
	}
	return s
}

func isIncreasing(s []int) bool {
	for i := 1; i < len(s); i++ {
		if s[i] <= s[i-1] {
			return false
		}
	}
	return true
}

func seq(from, to int) []int {
	var s []int
	for v := from; v <= to; v++ {
		s = append(s, v)
	}
	return s
}

// outcome is one row of the sanity table.
type outcome struct{ name, sequential, overflow, concurrent string }

// TestSanity runs the three quick checks on every library and logs a
// table. It records, and asserts only for the reference channel: finding
// the other libraries' faults is the harnesses' job, and their verdicts go
// to the README.
func TestSanity(t *testing.T) {
	var rows []outcome
	for _, l := range All() {
		t.Run(l.Name, func(t *testing.T) {
			row := outcome{name: l.Name, sequential: sequential(l), overflow: overflow(l)}
			switch {
			case raceEnabled && l.NotThreadSafe:
				row.concurrent = "skipped under -race (the race detector would end the test binary)"
			default:
				start := time.Now()
				q := l.New(sanityCap)
				row.concurrent = fmt.Sprintf("%v in %v", sanityLoad.run(q), time.Since(start).Round(time.Millisecond))
				if d, ok := q.(interface{ Dropped() int64 }); ok {
					row.concurrent += fmt.Sprintf(" (library counted %d drops)", d.Dropped())
				}
			}
			rows = append(rows, row)
			t.Logf("sequential: %s; overflow: %s; concurrent: %s", row.sequential, row.overflow, row.concurrent)
			if l.Name == "chan" && (row.sequential != "ok" || row.overflow != "ok" || !strings.HasPrefix(row.concurrent, "ok")) {
				t.Errorf("the reference channel failed: %+v", row)
			}
		})
	}
	var b strings.Builder
	b.WriteString("\n| library | put 3 / get 3 | overflow | 4x1000 conservation |\n|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r.name, r.sequential, r.overflow, r.concurrent)
	}
	t.Log(b.String())
}
