package harness

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/queue"
)

// boundedOnly is a factory that panics on unbounded and rounds odd
// capacities up to even ones.
func boundedOnly(c int) queue.Queue[int] {
	if c <= 0 {
		panic("bounded only")
	}
	return queue.NewLocked[int](c + c%2)
}

func TestCapacities(t *testing.T) {
	caps, skipped := Factory(boundedOnly).Capacities([]int{1, 2, 3, 0})
	if fmt.Sprint(caps) != "[2 4]" || len(skipped) != 1 || !strings.HasPrefix(skipped[0], "unbounded not exercised: newQueue(0) panicked: bounded only") {
		t.Fatalf("Capacities = %v, %q; want [2 4] and unbounded skipped", caps, skipped)
	}
}

func TestResolve(t *testing.T) {
	var log strings.Builder
	s := Settings{Logf: func(format string, args ...any) { fmt.Fprintf(&log, format+"\n", args...) }}
	if _, err := s.Resolve(Stress, boundedOnly, nil, []int{2, 0}); err != nil || fmt.Sprint(s.Capacities) != "[2]" {
		t.Fatalf("defaults: err %v, capacities %v; want [2]", err, s.Capacities)
	}
	if !strings.Contains(log.String(), "stress: unbounded not exercised") {
		t.Fatalf("the skip of a default capacity is not logged: %q", log.String())
	}
	s = Settings{Capacities: []int{0}, Logf: s.Logf}
	_, err := s.Resolve(Fuzz, boundedOnly, nil, []int{1})
	var setup *SetupError
	if !errors.As(err, &setup) || !strings.Contains(err.Error(), "newQueue(0) panicked") {
		t.Fatalf("an asked capacity the factory refuses: %v, want a setup error", err)
	}
	nilQueue := func(int) queue.Queue[int] { return nil }
	if _, err := (&Settings{Logf: s.Logf}).Resolve(Property, nilQueue, nil, []int{1}); !errors.As(err, &setup) {
		t.Fatalf("no capacity at all: %v, want a setup error", err)
	}
}
