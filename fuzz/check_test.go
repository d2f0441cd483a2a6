package fuzz

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/queue"
)

func bug(t *testing.T, name string) broken.Bug {
	t.Helper()
	for _, b := range broken.All() {
		if b.Name == name {
			return b
		}
	}
	t.Fatalf("no broken queue %q", name)
	return broken.Bug{}
}

// failingInput returns the first seed on which b's queue fails.
func failingInput(t *testing.T, b broken.Bug) []byte {
	t.Helper()
	for _, data := range Seeds(b.New) {
		if RunOne(b.New, data) != nil {
			return data
		}
	}
	t.Fatalf("no seed fails on %s", b.Name)
	return nil
}

func TestFailureExplainsAndWritesArtifacts(t *testing.T) {
	b := bug(t, "join-early")
	data := failingInput(t, b)
	dir := t.TempDir()
	err := RunOne(b.New, data, harness.WithArtifacts(dir))
	var f *Failure
	if !errors.As(err, &f) || !errors.Is(err, harness.ErrFailed) {
		t.Fatalf("RunOne = %v, want a *Failure matching ErrFailed", err)
	}
	msg := err.Error()
	for _, want := range []string{"fuzz: tasks check failed", "scenario ", "client 0:", "input: ", "history: " + dir} {
		if !strings.Contains(msg, want) {
			t.Errorf("the failure's message lacks %q:\n%s", want, msg)
		}
	}
	if f.Scenario != Describe(b.New, data) {
		t.Errorf("Failure.Scenario = %q, want the decoded %q", f.Scenario, Describe(b.New, data))
	}
	r, err := os.Open(f.HistoryFile)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	h, err := history.Read(r)
	if err != nil {
		t.Fatalf("the history file %s does not read back: %v", f.HistoryFile, err)
	}
	if len(h.Operations) != len(f.History.Operations) || len(h.Operations) == 0 {
		t.Errorf("the history file has %d operations, the failure %d", len(h.Operations), len(f.History.Operations))
	}
	if filepath.Dir(f.VisualFile) != dir {
		t.Errorf("VisualFile = %q, want one in %s", f.VisualFile, dir)
	}
}

// TestDecodeIsDeterministic: the same bytes give the same scenario, so
// that a saved crasher replays the same operations.
func TestDecodeIsDeterministic(t *testing.T) {
	const seed = 7
	rng := rand.New(rand.NewPCG(seed, 1))
	for range 200 {
		data := make([]byte, rng.IntN(80))
		for i := range data {
			data[i] = byte(rng.Uint32())
		}
		a, b := Describe(newLocked, data), Describe(newLocked, append([]byte(nil), data...))
		if a != b {
			t.Fatalf("seed %d: %q decodes into\n%s and then\n%s", seed, data, a, b)
		}
	}
}

func TestDecodeBounds(t *testing.T) {
	long := make([]byte, 1000)
	for i := range long {
		long[i] = byte(i * 7)
	}
	s := Describe(newLocked, long, harness.WithMaxTotalOps(10), harness.WithMaxGoroutines(2))
	if !strings.Contains(s, "clients=2 ops=10") && !strings.Contains(s, "clients=1 ops=10") {
		t.Errorf("with at most 2 goroutines and 10 operations, 1000 bytes decode into:\n%s", s)
	}
	if s := Describe(newLocked, nil); !strings.Contains(s, "capacity=0 clients=1 ops=0") {
		t.Errorf("the empty input decodes into:\n%s", s)
	}
}

// TestBoundedOnlyQueueNeverAskedForZero: a queue that panics on capacity 0
// is never asked for it by default.
func TestBoundedOnlyQueueNeverAskedForZero(t *testing.T) {
	for b := range 10 {
		data := []byte{byte(b), 1, 0, 0, 1, 2}
		if err := RunOne(newRing, data); err != nil {
			t.Fatalf("first byte %d: %v", b, err)
		}
	}
}

// rounded is an adapter that rounds its capacity up to a power of two.
func rounded(capacity int) queue.Queue[int] {
	n := 0
	if capacity > 0 {
		n = 1
		for n < capacity {
			n *= 2
		}
	}
	return queue.NewLocked[int](n)
}

// TestModelUsesTheQueuesCap: a queue that rounds its capacity is held to
// the capacity it has (Cap), not the one asked for.
func TestModelUsesTheQueuesCap(t *testing.T) {
	// capacity 3 (rounded to 4): four try_puts succeed.
	data := []byte{3, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}
	if err := RunOne(rounded, data); err != nil {
		t.Fatal(err)
	}
}

func TestSetupFailure(t *testing.T) {
	panics := func(capacity int) queue.Queue[int] {
		if capacity == 2 {
			panic("no capacity 2 here")
		}
		return queue.NewLocked[int](capacity)
	}
	var setup *harness.SetupError
	err := RunOne(panics, []byte{2}, harness.WithCapacities(2))
	if !errors.As(err, &setup) || errors.Is(err, harness.ErrFailed) || !strings.Contains(err.Error(), "newQueue(2) panicked") {
		t.Fatalf("RunOne = %v, want a setup error (not a failure) naming the panic", err)
	}
	err = RunOne(func(int) queue.Queue[int] { return nil }, []byte{1})
	if !errors.As(err, &setup) || errors.Is(err, harness.ErrFailed) {
		t.Fatalf("RunOne of a nil queue = %v, want a setup error", err)
	}
}
