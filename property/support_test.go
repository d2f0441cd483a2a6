package property

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/queue"
)

// partial is a queue without Join and with an unknown Len, as an adapted
// third-party queue may be.
type partial struct{ queue.Queue[int] }

func (partial) Join(context.Context) error { return errors.ErrUnsupported }
func (partial) Len() int                   { return -1 }

// logs collects what Run logs.
type logs struct {
	mu    sync.Mutex
	lines []string
}

func (l *logs) logf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *logs) String() string { return strings.Join(l.lines, "\n") }

func TestUnsupportedNotExercised(t *testing.T) {
	var l logs
	err := Run(func(c int) queue.Queue[int] { return partial{broken.NewCorrect(c)} },
		harness.WithSeed(1), harness.WithRuns(20), harness.WithLogf(l.logf))
	if err != nil {
		t.Fatalf("seed 1: %v", err)
	}
	if !strings.Contains(l.String(), "not exercised (errors.ErrUnsupported or a negative Len): join, len") {
		t.Errorf("the log does not say that join and len were not exercised:\n%s", l.String())
	}
}

func TestBoundedOnlySkipsUnbounded(t *testing.T) {
	var l logs
	err := Run(func(c int) queue.Queue[int] { return queue.NewRing[int](c) },
		harness.WithSeed(1), harness.WithRuns(10), harness.WithLogf(l.logf))
	if err != nil {
		t.Fatalf("seed 1: %v", err)
	}
	if !strings.Contains(l.String(), "unbounded not exercised: newQueue(0) panicked") {
		t.Errorf("the log does not say that unbounded was skipped:\n%s", l.String())
	}
}

// wrongCap reports a capacity it was not given.
type wrongCap struct{ queue.Queue[int] }

func (wrongCap) Cap() int { return 7 }

func TestWrongCap(t *testing.T) {
	err := Run(func(c int) queue.Queue[int] { return wrongCap{broken.NewCorrect(1)} }, harness.WithSeed(1))
	// Held to the capacity it claims (7) while it holds only 1: the
	// second put answers full where the model has room.
	if err == nil || !strings.Contains(err.Error(), "capacity 7) failed") {
		t.Fatalf("Run = %v, want a failure of a put on a queue that claims room", err)
	}
}

func TestBoundedOnlyAskedForUnbounded(t *testing.T) {
	err := Run(func(c int) queue.Queue[int] { return queue.NewRing[int](c) }, harness.WithCapacities(0))
	if err == nil || !strings.Contains(err.Error(), "newQueue(0) panicked") {
		t.Fatalf("Run = %v, want the factory's panic", err)
	}
}

// stuck is a queue whose TryGet deadlocks while it holds items, until
// released.
type stuck struct {
	queue.Queue[int]
	release chan struct{}
}

func (q stuck) TryGet() (int, error) {
	if q.Queue.Len() > 0 {
		<-q.release
	}
	return q.Queue.TryGet()
}

func TestCallThatNeverReturnsFails(t *testing.T) {
	release := make(chan struct{})
	defer close(release) // lets the stuck goroutines end before goleak looks
	err := Run(func(c int) queue.Queue[int] { return stuck{broken.NewCorrect(c), release} },
		harness.WithSeed(1), harness.WithCapacities(1), harness.WithRuns(10))
	if err == nil || !strings.Contains(err.Error(), "try_get did not return within") {
		t.Fatalf("Run = %v, want a call that did not return", err)
	}
	t.Log(err)
}
