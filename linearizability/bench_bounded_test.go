package linearizability_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

// blockingConfig is the shape of the bounded benchmarks: 8 clients (4
// producers, 4 slower consumers) of a FIFO queue of capacity 16 whose
// puts wait for room, so the capacity binds most of the time.
func blockingConfig(n int) histgen.BlockingConfig {
	return histgen.BlockingConfig{Capacity: 16, Producers: 4, Consumers: 4, Ops: n, Slack: 4, Think: 3, ConsumerThink: 5}
}

// benchBlocking returns a generated blocking history of n operations,
// valid or broken in the way named (see blockingBreaks).
func benchBlocking(b *testing.B, n int, broken string) history.History {
	key := fmt.Sprint("blocking", n, broken)
	if h, ok := benchHistories.Load(key); ok {
		return h.(history.History)
	}
	cfg := blockingConfig(n)
	switch broken {
	case "capacity":
		cfg.Overfill = n * 9 / 10
	case "valid-try", "empty":
		cfg.TryEvery = 10
	case "full":
		cfg.TryEvery, cfg.ConsumerThink = 10, 0 // consumers keep up: the queue is rarely full
	}
	h := histgen.Blocking(rand.New(rand.NewPCG(uint64(n), 11)), cfg)
	if broken != "" && broken != "valid-try" {
		h = blockingBreaks[broken](h)
		r, decided := linearizability.CheckFast(h)
		if !decided || r.Verdict != linearizability.Violation {
			b.Fatalf("%s: the broken history is %v (decided %v): %s", broken, r.Verdict, decided, r.Note)
		}
	}
	benchHistories.Store(key, h)
	return h
}

// blockingBreaks are the violations the bounded benchmark checks, each
// made in the last tenth of the history (operations are in the order
// they took effect).
var blockingBreaks = map[string]func(history.History) history.History{
	// a value got twice: one get repeated by a new client, later
	"repeat": func(h history.History) history.History {
		i := lastTenth(h, isGetOK)
		dup := h.Operations[i]
		dup.Client, dup.Call, dup.Return = 1000, dup.Return+100, dup.Return+101
		h.Operations = append(h.Operations, dup)
		return h
	},
	// two values got in the wrong order: the values of two gets far apart swapped
	"order": func(h history.History) history.History {
		i := lastTenth(h, isGetOK)
		j := i + len(h.Operations)/20
		for !isGetOK(&h.Operations[j]) {
			j++
		}
		h.Operations[i].Output.Value, h.Operations[j].Output.Value = h.Operations[j].Output.Value, h.Operations[i].Output.Value
		return h
	},
	// a value got that was never put
	"fresh": func(h history.History) history.History {
		h.Operations[lastTenth(h, isGetOK)].Output.Value = -1
		return h
	},
	// one put took effect on a full queue (made by the generator)
	"capacity": func(h history.History) history.History { return h },
	// a get answered empty while the queue was full
	"empty": func(h history.History) history.History {
		i := lastTenth(h, isGetOK)
		h.Operations[i].Input.Op, h.Operations[i].Output = models.TryGet, models.Output{Result: models.Empty}
		return h
	},
	// a put that did not wait answered full
	"full": func(h history.History) history.History {
		i := lastTenth(h, func(op *history.Operation) bool { return op.Input.Op == models.Put && op.Return-op.Call <= 2 })
		h.Operations[i].Input.Op, h.Operations[i].Output = models.TryPut, models.Output{Result: models.Full}
		return h
	},
}

// isGetOK reports whether op is a get that returned a value.
func isGetOK(op *history.Operation) bool {
	return op.Input.Op == models.Get && op.Output.Result == models.OK
}

// lastTenth returns the first operation of the last tenth of h that keep
// accepts.
func lastTenth(h history.History, keep func(*history.Operation) bool) int {
	for i := len(h.Operations) * 9 / 10; ; i++ {
		if keep(&h.Operations[i]) {
			return i
		}
	}
}

// BenchmarkCheckFastBlocking measures the fast checker on 8-client
// histories of a FIFO queue of capacity 16 with blocking puts (the
// capacity binds all the time), valid (puts and gets only, or with a
// try_put or try_get every tenth operation: full and empty results) and
// with each kind of violation.
// Besides ns/op it reports cpu-ns/op (the process's CPU time: on a loaded
// machine, truer than the wall clock) and B/op with -benchmem.
func BenchmarkCheckFastBlocking(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		for _, broken := range []string{"", "valid-try", "repeat", "order", "fresh", "capacity", "empty", "full"} {
			name, want := broken, linearizability.Violation
			switch broken {
			case "":
				name, want = "valid", linearizability.Linearizable
			case "valid-try":
				want = linearizability.Linearizable
			}
			b.Run(fmt.Sprintf("ops=%d/%s", n, name), func(b *testing.B) {
				h := benchBlocking(b, n, broken)
				benchRun(b, n, func() {
					r, decided := linearizability.CheckFast(h)
					if !decided || r.Verdict != want {
						b.Fatalf("verdict %v (decided %v), want %v: %s", r.Verdict, decided, want, r.Note)
					}
					if want == linearizability.Linearizable && !strings.Contains(r.Note, "search over orders") {
						b.Fatalf("not decided by the order search: %s", r.Note)
					}
				})
			})
		}
	}
}
