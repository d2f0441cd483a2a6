package stress

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// testDuration is each implementation's budget in these tests; the
// default (2.5s) is for third parties' tests.
const testDuration = 700 * time.Millisecond

func linked(capacity int) queue.Queue[int] {
	if capacity != 0 {
		panic("stress test: Linked is unbounded only")
	}
	return queue.NewLinked[int]()
}

func TestCheckCorrect(t *testing.T) { checkCorrect(t, testDuration) }

func checkCorrect(t *testing.T, d time.Duration) {
	tests := []struct {
		name string
		new  func(int) queue.Queue[int]
		kind models.Kind
	}{
		{"Locked", func(c int) queue.Queue[int] { return queue.NewLocked[int](c) }, models.FIFO},
		{"Chan", func(c int) queue.Queue[int] { return queue.NewChan[int](c) }, models.FIFO},
		{"Ring", func(c int) queue.Queue[int] { return queue.NewRing[int](c) }, models.FIFO},
		{"Linked", linked, models.FIFO},
		{"LIFO", func(c int) queue.Queue[int] { return queue.NewLIFO[int](c) }, models.LIFO},
		{"Priority", func(c int) queue.Queue[int] { return queue.NewPriority(c, cmp.Compare[int]) }, models.Priority},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			Check(t, tt.new, WithModel(tt.kind), WithDuration(d))
		})
	}
}

func TestRunSkipsUnbounded(t *testing.T) {
	var logs []string
	res, err := Run(func(c int) queue.Queue[int] { return queue.NewRing[int](c) },
		WithRounds(4), WithOps(20), WithLogf(func(f string, a ...any) { logs = append(logs, fmt.Sprintf(f, a...)) }))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Skipped) != 1 || res.Rounds != 4 || res.Ops == 0 || res.Elapsed == 0 {
		t.Fatalf("Result %+v; want the unbounded capacity skipped and 4 rounds", res)
	}
	if !slices.ContainsFunc(logs, func(l string) bool { return strings.Contains(l, "skipped capacity 0") }) ||
		!slices.ContainsFunc(logs, func(l string) bool { return strings.Contains(l, "seed") }) {
		t.Fatalf("logs %q do not state the seed and the skipped capacity", logs)
	}
}

func TestRunNoCapacity(t *testing.T) {
	_, err := Run(func(int) queue.Queue[int] { panic("never") }, WithRounds(1))
	if err == nil {
		t.Fatal("Run passed a queue that cannot be built")
	}
}
