package history

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pcqkit/pcq/models"
)

// racyQueue is a queue with a deliberate data race: Put writes last after
// the queue's own lock is released, and Get reads it the same way, so no
// happens-before edge of the queue orders the two.
type racyQueue struct {
	sliceQueue
	last int
}

func (q *racyQueue) Put(ctx context.Context, v int) error {
	err := q.sliceQueue.Put(ctx, v)
	q.last = v // the race: an unsynchronised write
	return err
}

func (q *racyQueue) Get(ctx context.Context) (int, error) {
	v, err := q.sliceQueue.Get(ctx)
	if q.last < 0 { // the race: an unsynchronised read
		panic("history: negative value")
	}
	return v, err
}

// sharedRecorder is the mistake the recorder must not make: a sequence
// counter under one mutex, shared by every client, taken before the call and
// after the return.
type sharedRecorder struct {
	mu  sync.Mutex
	seq int64
	q   *racyQueue
}

func (r *sharedRecorder) tick() int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.seq++
	return r.seq
}

func (r *sharedRecorder) Put(ctx context.Context, v int) error {
	r.tick()
	defer r.tick()
	return r.q.Put(ctx, v)
}

func (r *sharedRecorder) Get(ctx context.Context) (int, error) {
	r.tick()
	defer r.tick()
	return r.q.Get(ctx)
}

// putGetter is what the race helper needs of a recorded queue.
type putGetter interface {
	Put(ctx context.Context, v int) error
	Get(ctx context.Context) (int, error)
}

// raceHelperEnv selects the recorder of TestRaceHelper in a subprocess.
const raceHelperEnv = "PCQ_RACE_HELPER"

// TestRaceHelper runs only as a subprocess of TestRecorderKeepsRaces: a
// producer puts 10 values on a racyQueue, and a consumer gets them after
// the producer is done (in real time: no synchronisation orders the
// producer's last write before the consumer's reads but what the recorder
// adds).
func TestRaceHelper(t *testing.T) {
	mode := os.Getenv(raceHelperEnv)
	if mode == "" {
		t.Skip("run by TestRecorderKeepsRaces")
	}
	q := &racyQueue{sliceQueue: sliceQueue{capacity: 0}}
	var producer, consumer putGetter
	rec := NewRecorder(q)
	switch mode {
	case "shared":
		shared := &sharedRecorder{q: q}
		producer, consumer = shared, shared
	case "own":
		producer, consumer = rec.Client(), rec.Client()
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := range 10 {
			_ = producer.Put(ctx, i)
		}
	})
	wg.Go(func() {
		// Wait until the 10 values are queued, then a while longer for the
		// producer's last write: the queue's lock orders the puts' insertions
		// before this Len, but not the racy writes that follow them.
		for q.Len() < 10 {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(50 * time.Millisecond)
		for range 10 {
			_, _ = consumer.Get(ctx)
		}
	})
	wg.Wait()
	fmt.Printf("race helper %s: recorded %d operations\n", mode, len(rec.History(models.FIFO, 0).Operations))
}

// TestRecorderKeepsRaces shows that a recorder with a shared, locked
// counter hides racyQueue's data race from the race detector, and that
// Recorder does not: the race detector fires through it.
func TestRecorderKeepsRaces(t *testing.T) {
	if testing.Short() || !raceEnabled {
		t.Skip("needs -race and not -short")
	}
	shared, err := runRaceHelper(t, "shared")
	if err != nil || strings.Contains(shared, "WARNING: DATA RACE") || !strings.Contains(shared, "race helper shared: recorded 0") {
		t.Fatalf("a shared-lock recorder should hide the race (error %v):\n%s", err, shared)
	}
	own, err := runRaceHelper(t, "own")
	if err == nil || !strings.Contains(own, "WARNING: DATA RACE") || !strings.Contains(own, "racyQueue") ||
		!strings.Contains(own, "race helper own: recorded 20") {
		t.Fatalf("the race detector should fire through Recorder (error %v):\n%s", err, own)
	}
}

// runRaceHelper re-executes this test binary (built with -race) to run
// TestRaceHelper with the given recorder, and returns its output.
func runRaceHelper(t *testing.T, mode string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestRaceHelper$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), raceHelperEnv+"="+mode)
	out, err := cmd.CombinedOutput()
	return string(out), err
}
