package linearizability

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/linearizability/internal/search"
	"github.com/pcqkit/pcq/models"
)

// This file holds FuzzStackDifferential and FuzzPriorityDifferential and
// what they need, and nothing else of package testing than f.Add, f.Fuzz
// and t.Fatal: go-118-fuzz-build compiles it against its stand-in for
// package testing (see .clusterfuzzlite/targets). They fuzz the stack and
// priority checkers (internal/lifo, internal/prio) through Check, here
// rather than in their packages: the main package go-118-fuzz-build
// generates may not import a package below linearizability/internal.

// stackCheckerHistory turns a seed and a shape into a small random stack
// history (see orderHistory).
func stackCheckerHistory(seed uint64, shape uint16) history.History {
	return orderHistory(models.LIFO, seed, shape, func(rng *rand.Rand, c histgen.StackConfig) history.History {
		return histgen.Stack(rng, c)
	})
}

// prioCheckerHistory turns a seed and a shape into a small random
// priority queue history (see orderHistory).
func prioCheckerHistory(seed uint64, shape uint16) history.History {
	return orderHistory(models.Priority, seed, shape, func(rng *rand.Rand, c histgen.StackConfig) history.History {
		return histgen.Priority(rng, histgen.PriorityConfig{StackConfig: c, Spread: int(seed / 160 % 6)})
	})
}

// orderHistory turns a seed and a shape into a small random history of
// kind: 2-4 clients, at most 14 operations, sometimes a capacity or
// unknown outcomes, valid or mutated, or from the simulated structure
// (simulate) with or without a bug.
func orderHistory(kind models.Kind, seed uint64, shape uint16, simulate func(*rand.Rand, histgen.StackConfig) history.History) history.History {
	rng := rand.New(rand.NewPCG(seed, uint64(shape)))
	cfg := histgen.Config{
		Kind:    kind,
		Clients: 2 + int(shape%3),
		Ops:     4 + int(shape/3%11),
		Overlap: []int{1, 3, 8, 20}[shape/33%4],
		OpMix:   histgen.MixQueue,
	}
	if shape/132%5 == 4 { // the simulated structure, sometimes with a bug
		return simulate(rng, histgen.StackConfig{Clients: cfg.Clients, Ops: cfg.Ops, Puts: 50 + int(seed%30),
			Slack: int(shape / 660 % 4), Think: 2, TryEvery: int(seed % 4), Bug: histgen.StackBug(seed / 4 % 5), At: int(seed / 20 % 8)})
	}
	if shape/132%5 == 0 {
		cfg.Capacity = 2 + int(shape/660%12)
	}
	if shape/2640%3 == 0 {
		cfg.OpMix |= histgen.MixUnknown
	}
	h := histgen.Linearizable(rng, cfg)
	for range rng.IntN(3) {
		h = histgen.Mutate(rng, h)
	}
	return h
}

// compareFastChecker checks h with the fast checker (the stack or the
// priority checker, for a LIFO or priority history), porcupine and the
// brute-force search, and returns the fast checker's verdict, and an
// error on any disagreement or a violation whose culprits alone are
// linearizable.
func compareFastChecker(h history.History, what string) (Verdict, error) {
	r := Check(h, WithChecker(Fast))
	if r.Verdict == Unknown {
		return Unknown, nil
	}
	if r.Verdict == Violation {
		if len(r.Culprits) == 0 || r.Explanation == "" {
			return r.Verdict, fmt.Errorf("%s: a violation without culprits or explanation: %+v", what, r)
		}
		if c := subHistory(h, r.Culprits); len(c.Operations) < len(h.Operations) && histgen.BruteForce(c) {
			return r.Verdict, fmt.Errorf("%s: the culprits alone are linearizable: %v\n%s", what, r.Culprits, historyText(h))
		}
	}
	slow := search.Check(h, search.Indices(len(h.Operations)), search.Limits{Timeout: time.Second})
	brute := histgen.BruteForce(h)
	agree := (r.Verdict == Linearizable) == brute
	if slow.Result != porcupine.Unknown {
		agree = agree && (r.Verdict == Linearizable) == (slow.Result == porcupine.Ok)
	}
	if !agree {
		return r.Verdict, fmt.Errorf("%s: checkers disagree: the %v checker %v (%s), porcupine %v, brute force linearizable=%v; history:\n%s",
			what, h.Kind, r.Verdict, r.Explanation, slow.Result, brute, historyText(h))
	}
	return r.Verdict, nil
}

// subHistory returns the history of h's operations at idx.
func subHistory(h history.History, idx []int) history.History {
	s := history.History{Kind: h.Kind, Capacity: h.Capacity, Operations: make([]history.Operation, len(idx))}
	for k, i := range idx {
		s.Operations[k] = h.Operations[i]
	}
	return s
}

// FuzzStackDifferential fuzzes the stack checker against porcupine and
// the brute-force search on small random stack histories, valid and
// mutated.
func FuzzStackDifferential(f *testing.F) {
	for s := range uint64(20) {
		f.Add(s, uint16(s*97))
	}
	f.Fuzz(func(t *testing.T, seed uint64, shape uint16) {
		if _, err := compareFastChecker(stackCheckerHistory(seed, shape), "fuzz"); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzPriorityDifferential fuzzes the priority checker against porcupine
// and the brute-force search on small random priority queue histories,
// valid and mutated.
func FuzzPriorityDifferential(f *testing.F) {
	for s := range uint64(20) {
		f.Add(s, uint16(s*97))
	}
	f.Fuzz(func(t *testing.T, seed uint64, shape uint16) {
		if _, err := compareFastChecker(prioCheckerHistory(seed, shape), "fuzz"); err != nil {
			t.Fatal(err)
		}
	})
}
