package adapters

import (
	"bytes"
	"log"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	diodes "code.cloudfoundry.org/go-diodes"
)

// lockedBuffer is a log output that several writers may share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) count(s string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Count(l.b.String(), s)
}

// diodeRun has 4 writers Set n items each into a ManyToOne of size 4 while
// one reader drains it; it returns items read, drops the Alerter reported,
// and "Diode set collision" lines logged.
func diodeRun(n int) (got, dropped, collisions int) {
	var logs lockedBuffer
	log.SetOutput(&logs)
	defer log.SetOutput(os.Stderr)
	d := diodes.NewManyToOne(4, diodes.AlertFunc(func(missed int) { dropped += missed }))
	var stop atomic.Bool
	done := make(chan struct{})
	go func() { // the one reader
		defer close(done)
		for !stop.Load() {
			if _, ok := d.TryNext(); ok {
				got++
			}
		}
		for range 16 {
			if _, ok := d.TryNext(); ok {
				got++
			}
		}
	}()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range n {
				v := w*n + i
				d.Set(diodes.GenericDataType(&v))
			}
		}()
	}
	wg.Wait()
	stop.Store(true)
	<-done
	return got, dropped, logs.count("Diode set collision")
}

// A ManyToOne writer that loses a collision retries with a new write index
// and leaves the old one unwritten; the reader, lapped, counts that index
// among the dropped items. The Alerter over-reports drops by at most, and
// nearly always exactly, the number of collisions.
func TestFindingDiodeDropOvercount(t *testing.T) {
	const n, trials = 5000, 6
	over := 0
	for trial := range trials {
		got, dropped, coll := diodeRun(n)
		excess := got + dropped - 4*n
		t.Logf("trial %d: written %d, read %d, reported dropped %d, excess %d, collisions logged %d", trial, 4*n, got, dropped, excess, coll)
		// Every over-counted drop comes from a logged collision; nearly
		// always one for one, but a collision does not always leave an
		// over-count (seen: excess 284, collisions 286).
		if excess < 0 || excess > coll {
			t.Errorf("trial %d: excess %d outside [0, collisions %d]", trial, excess, coll)
		}
		over += excess
	}
	if over == 0 {
		t.Skip("no collision happened in any trial: nothing shown this time")
	}
}
