package broken

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/catchrate"
	"github.com/pcqkit/pcq/queue"
)

// symptom runs a scenario on a queue and reports whether it showed the bug.
// Racy scenarios repeat for at most budget.
type symptom func(t *testing.T, newQueue harness.Factory, budget time.Duration) bool

// symptoms shows each bug: the broken queue shows it, the correct base
// (NewCorrect) never does.
var symptoms = map[string]symptom{
	"lost-in-ring":                contended(lostItems),
	"get-twice":                   contended(duplicates),
	"ring-grow-reorder":           reorders,
	"lost-wakeup":                 contended(sleepsWithItem),
	"canceled-put-enqueues":       canceledPutLands,
	"taskdone-race":               contended(joinHangs),
	"join-early":                  joinReturnsEarly,
	"shutdown-getter-asleep":      getterSleepsAfterShutdown,
	"immediate-shutdown-count":    joinHangsAfterImmediate,
	"tryput-full-before-shutdown": tryPutFull,
	"tryget-empty-after-shutdown": tryGetEmpty,
	"taskdone-unchecked":          taskDoneTooMany,
	"fill-wakes-one":              contended(fillOvertaken),
}

func TestEveryBugShowsItsSymptom(t *testing.T) {
	for _, b := range All() {
		t.Run(b.Name, func(t *testing.T) {
			show, ok := symptoms[b.Name]
			if !ok {
				t.Fatal("no symptom for this bug")
			}
			if b.Description == "" || len(b.Catches) == 0 {
				t.Error("missing description or catches")
			}
			start := time.Now()
			if !show(t, b.New, symptomBudget) {
				t.Errorf("%s: the bug did not show: %s", b.Name, b.Description)
			}
			t.Logf("shown in %v", time.Since(start).Round(time.Millisecond))
			if show(t, NewCorrect, 200*time.Millisecond) {
				t.Errorf("%s: the correct queue shows the symptom", b.Name)
			}
		})
	}
}

// contended repeats a racy scenario until it shows the bug, for at most
// the budget, with at least two Ps (GOMAXPROCS=1 would serialise the race
// away: the same test must hold on a one-CPU machine).
func contended(s symptom) symptom {
	return func(t *testing.T, newQueue harness.Factory, budget time.Duration) bool {
		defer catchrate.AtLeastTwoPs()()
		for start := time.Now(); time.Since(start) < budget; {
			if s(t, newQueue, budget) {
				return true
			}
		}
		return false
	}
}

func ctx(d time.Duration) context.Context {
	c, cancel := context.WithTimeout(context.Background(), d)
	_ = cancel // ends with its timer
	return c
}

func reorders(t *testing.T, newQueue harness.Factory, _ time.Duration) bool {
	q := newQueue(0)
	mustPut(t, q, 1, 2)
	got := []int{mustGet(t, q)}
	mustPut(t, q, 3, 4) // 3 wraps around, 4 makes the ring grow
	got = append(got, mustGet(t, q), mustGet(t, q), mustGet(t, q))
	return !slices.Equal(got, []int{1, 2, 3, 4})
}

func canceledPutLands(t *testing.T, newQueue harness.Factory, _ time.Duration) bool {
	q := newQueue(1)
	mustPut(t, q, 1)
	if err := q.Put(ctx(time.Millisecond), 2); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("put on a full queue: %v", err)
	}
	mustGet(t, q)
	_, err := q.TryGet()
	return err == nil
}

func joinReturnsEarly(t *testing.T, newQueue harness.Factory, _ time.Duration) bool {
	q := newQueue(0)
	mustPut(t, q, 1)
	mustGet(t, q)
	return q.Join(ctx(5*time.Millisecond)) == nil
}

func joinHangsAfterImmediate(t *testing.T, newQueue harness.Factory, _ time.Duration) bool {
	q := newQueue(0)
	mustPut(t, q, 1, 2)
	mustGet(t, q)
	_ = q.TaskDone()
	_ = q.Shutdown(true)
	return q.Join(ctx(20*time.Millisecond)) != nil
}

func tryPutFull(t *testing.T, newQueue harness.Factory, _ time.Duration) bool {
	q := newQueue(1)
	mustPut(t, q, 1)
	_ = q.Shutdown(false)
	return errors.Is(q.TryPut(2), queue.ErrFull)
}

func tryGetEmpty(t *testing.T, newQueue harness.Factory, _ time.Duration) bool {
	q := newQueue(1)
	_ = q.Shutdown(false)
	_, err := q.TryGet()
	return errors.Is(err, queue.ErrEmpty)
}

func taskDoneTooMany(t *testing.T, newQueue harness.Factory, _ time.Duration) bool {
	return newQueue(1).TaskDone() == nil
}

func mustPut(t *testing.T, q queue.Queue[int], vs ...int) {
	t.Helper()
	for _, v := range vs {
		if err := q.TryPut(v); err != nil {
			t.Fatalf("try_put(%d): %v", v, err)
		}
	}
}

func mustGet(t *testing.T, q queue.Queue[int]) int {
	t.Helper()
	v, err := q.TryGet()
	if err != nil {
		t.Fatalf("try_get: %v", err)
	}
	return v
}
