package property

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/pcqkit/pcq/models"
)

// sentinel is the item that tells a consumer to stop.
const sentinel = -1

// workload is one run of a protocol: how many producers, consumers and
// items, and when the main goroutine joins or shuts the queue down.
type workload struct {
	Producers   int
	Consumers   int
	Items       int  // per producer
	JoinFirst   bool // sentinels: join before putting the sentinels
	ShutdownPct int  // shutdown: after this percentage of the items was put
}

// shutdownAt is the number of successful puts after which the main
// goroutine shuts the queue down.
func (s workload) shutdownAt() int { return s.ShutdownPct * s.Producers * s.Items / 100 }

// describe says the workload in words, for protocol p.
func (s workload) describe(p protocol) string {
	w := fmt.Sprintf("%d producers × %d items, %d consumers", s.Producers, s.Items, s.Consumers)
	switch {
	case p.sentinels && s.JoinFirst:
		return w + ", join, then one sentinel per consumer"
	case p.sentinels:
		return w + ", one sentinel per consumer after the items"
	}
	return fmt.Sprintf("%s, shutdown(immediate=%v) after %d puts", w, p.immediate, s.shutdownAt())
}

// genScenario generates small workloads, and shrinks them. LIFO and
// priority queues would hand out the sentinels before the items, so for them
// the main goroutine always joins before it puts the sentinels.
func genScenario(kind models.Kind) gopter.Gen {
	down := func(p, c, items int, joinFirst bool, pct int) workload {
		return workload{p, c, items, joinFirst || kind != models.FIFO, pct}
	}
	up := func(s workload) (int, int, int, bool, int) {
		return s.Producers, s.Consumers, s.Items, s.JoinFirst, s.ShutdownPct
	}
	return gopter.DeriveGen(down, up,
		gen.IntRange(1, 3), gen.IntRange(1, 3), gen.IntRange(0, 8), gen.Bool(), gen.IntRange(0, 100))
}

// tally counts the items put and processed in one workload.
type tally struct {
	mu   sync.Mutex
	put  map[int]int
	got  map[int]int
	puts int
}

func newTally() *tally { return &tally{put: map[int]int{}, got: map[int]int{}} }

func (t *tally) didPut(v int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.put[v]++
	t.puts++
}

func (t *tally) didGet(v int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.got[v]++
}

func (t *tally) count() (puts, gets int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.puts, len(t.got)
}

// check returns what went wrong with the items: processed twice, processed
// but never put, or (unless discarding was allowed) put but never processed.
func (t *tally) check(discardAllowed bool) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	var bad []string
	for v, n := range t.got {
		switch {
		case n > 1:
			bad = append(bad, fmt.Sprintf("item %d was processed %d times", v, n))
		case t.put[v] == 0:
			bad = append(bad, fmt.Sprintf("item %d was processed but never put", v))
		}
	}
	if !discardAllowed {
		for v := range t.put {
			if t.got[v] == 0 {
				bad = append(bad, fmt.Sprintf("item %d was put but never processed", v))
			}
		}
	}
	if len(bad) == 0 {
		return nil
	}
	sort.Strings(bad)
	if len(bad) > 4 {
		bad = append(bad[:4], fmt.Sprintf("and %d more", len(bad)-4))
	}
	return fmt.Errorf("%s (%d puts, %d items processed)", strings.Join(bad, "; "), t.puts, len(t.got))
}
