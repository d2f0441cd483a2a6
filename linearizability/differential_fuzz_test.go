package linearizability

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

// This file holds the differential fuzz targets and what they need, and
// nothing else of package testing than f.Add, f.Fuzz and t.Fatal:
// go-118-fuzz-build compiles it against its stand-in for package testing
// (see .clusterfuzzlite/targets).

// diffHistory turns a seed and a shape into a small random history: 2-4
// clients, at most 12 operations, capacity 0-3, valid or mutated.
func diffHistory(seed uint64, shape uint16) history.History {
	rng := rand.New(rand.NewPCG(seed, uint64(shape)))
	cfg := histgen.Config{
		Kind:    models.FIFO,
		Clients: 2 + int(shape%3),
		Ops:     4 + int(shape/3%9),
		Overlap: []int{1, 3, 8, 20}[shape/27%4],
		OpMix:   histgen.MixQueue,
	}
	if shape/108%2 == 1 {
		cfg.Capacity = 1 + int(shape/216%3)
	}
	if shape/648%3 == 0 {
		cfg.OpMix |= histgen.MixUnknown
	}
	h := histgen.Linearizable(rng, cfg)
	for range rng.IntN(3) {
		h = histgen.Mutate(rng, h)
	}
	return h
}

// diffCompare checks h with both checkers and returns the fast checker's
// verdict (Unknown: not decided), or an error on any disagreement.
func diffCompare(h history.History, what string) (Verdict, error) {
	fast, decided := CheckFast(h)
	if !decided {
		return Unknown, nil
	}
	slow := CheckPorcupine(h, time.Second)
	if slow.Verdict == Unknown || slow.Verdict == fast.Verdict {
		return fast.Verdict, nil
	}
	return fast.Verdict, fmt.Errorf("%s: checkers disagree: fast %v (%s), porcupine %v (%s); brute force says linearizable=%v; history:\n%s",
		what, fast.Verdict, fast.Explanation, slow.Verdict, slow.Explanation, histgen.BruteForce(h), historyText(h))
}

// boundedHistory turns a seed and a shape into a small history of a
// bounded FIFO queue where the capacity binds: a simulated run with
// blocking puts (histgen.Blocking, some try_puts and try_gets) or a
// generated one of puts, gets and their try forms, capacity 1-3, at most
// 17 operations, valid or mutated (swapped, dropped, duplicated, shifted
// or narrowed operations, results turned into full or empty).
func boundedHistory(seed uint64, shape uint16) history.History {
	rng := rand.New(rand.NewPCG(seed, uint64(shape)|1<<20))
	capacity, ops := 1+int(shape%3), 6+int(shape/3%12)
	var h history.History
	if shape/36%3 != 0 {
		h = histgen.Blocking(rng, histgen.BlockingConfig{
			Capacity: capacity, Producers: 1 + int(shape/108%4), Consumers: 1 + int(shape/432%3), Ops: ops,
			Slack: int(shape / 1296 % 9), Think: 2, ConsumerThink: int(shape / 11664 % 5), TryEvery: int(seed % 4),
		})
	} else {
		h = histgen.Linearizable(rng, histgen.Config{
			Kind: models.FIFO, Capacity: capacity, Clients: 2 + int(shape/108%3), Ops: ops,
			Overlap: []int{1, 3, 8}[shape/324%3], OpMix: histgen.MixQueue,
		})
	}
	for range rng.IntN(3) {
		if rng.IntN(3) == 0 {
			h = histgen.Mutate(rng, h)
		} else {
			h = histgen.Narrow(rng, h)
		}
	}
	return h
}

// boundedCompare checks h with the fast checker, porcupine and the brute
// force, and returns the fast checker's verdict (Unknown: not decided), or
// an error on any disagreement, or when the fast checker leaves undecided
// a history of its exact fragment (every outcome known).
func boundedCompare(h history.History, what string) (Verdict, error) {
	fast, decided := CheckFast(h)
	brute := histgen.BruteForce(h)
	slow := CheckPorcupine(h, 5*time.Second)
	want := Violation
	if brute {
		want = Linearizable
	}
	var wrong string
	switch {
	case slow.Verdict != want:
		wrong = "porcupine and the brute force disagree"
	case decided && fast.Verdict != want:
		wrong = "the fast checker is wrong"
	case !decided && inOrderFragment(h) && !strings.Contains(fast.Note, "gave up"):
		wrong = "the fast checker left a history of its exact fragment undecided"
	}
	switch {
	case wrong != "":
		return Unknown, fmt.Errorf("%s: %s: fast %v (decided %v: %s; %s), porcupine %v, brute force linearizable=%v; history:\n%s",
			what, wrong, fast.Verdict, decided, fast.Explanation, fast.Note, slow.Verdict, brute, historyText(h))
	case !decided:
		return Unknown, nil
	}
	return fast.Verdict, nil
}

// inOrderFragment reports whether every outcome of h is known: the
// fragment the fast checker decides exactly.
func inOrderFragment(h history.History) bool {
	for _, op := range h.Operations {
		if op.Output.Result == models.Unknown {
			return false
		}
	}
	return true
}

// historyText is h in the file format, for a failure's message.
func historyText(h history.History) string {
	var buf bytes.Buffer
	if err := history.Write(&buf, h); err != nil {
		return fmt.Sprintf("(not written: %v)", err)
	}
	return buf.String()
}

// FuzzDifferential fuzzes the fast checker against porcupine on small
// random histories, valid and mutated.
func FuzzDifferential(f *testing.F) {
	for s := range uint64(20) {
		f.Add(s, uint16(s*97))
	}
	f.Fuzz(func(t *testing.T, seed uint64, shape uint16) {
		if _, err := diffCompare(diffHistory(seed, shape), "fuzz"); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzBounded fuzzes the fast checker on bounded FIFO histories where the
// capacity binds, against porcupine and the brute-force search.
func FuzzBounded(f *testing.F) {
	for s := range uint64(20) {
		f.Add(s, uint16(s*331))
	}
	f.Fuzz(func(t *testing.T, seed uint64, shape uint16) {
		if _, err := boundedCompare(boundedHistory(seed, shape), "fuzz"); err != nil {
			t.Fatal(err)
		}
	})
}
