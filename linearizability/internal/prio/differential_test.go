package prio

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/linearizability/internal/search"
	"github.com/pcqkit/pcq/models"
)

// prioDiffHistory turns a seed and a shape into a small random priority queue
// history: 2-4 clients, at most 14 operations, sometimes a capacity,
// valid or mutated, or from the simulated priority queue with or without
// a bug.
func prioDiffHistory(seed uint64, shape uint16) history.History {
	rng := rand.New(rand.NewPCG(seed, uint64(shape)))
	cfg := histgen.Config{
		Kind:    models.Priority,
		Clients: 2 + int(shape%3),
		Ops:     4 + int(shape/3%11),
		Overlap: []int{1, 3, 8, 20}[shape/33%4],
		OpMix:   histgen.MixQueue,
	}
	if shape/132%5 == 4 { // the simulated priority queue, sometimes with a bug
		return histgen.Priority(rng, histgen.PriorityConfig{StackConfig: histgen.StackConfig{Clients: 2 + int(shape%3), Ops: 4 + int(shape/3%11),
			Puts: 50 + int(seed%30), Slack: int(shape / 660 % 4), Think: 2, TryEvery: int(seed % 4), Bug: histgen.StackBug(seed / 4 % 5), At: int(seed / 20 % 8)},
			Spread: int(seed / 160 % 6)})
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

// verdict is the priority checker's answer.
type verdict int

const (
	isLinearizable verdict = iota
	isViolation
	undecided
)

// comparePrio checks h with the priority checker, porcupine and the brute
// force search, and fails on any disagreement. It returns the priority
// checker's verdict.
func comparePrio(t *testing.T, h history.History, what string) verdict {
	t.Helper()
	r, decided := Check(h)
	if !decided {
		return undecided
	}
	mine := isLinearizable
	if r.Violation {
		mine = isViolation
		if len(r.Culprits) == 0 || r.Explanation == "" {
			t.Fatalf("%s: a violation without culprits or explanation: %+v", what, r)
		}
		if c := sub(h, r.Culprits); len(c.Operations) < len(h.Operations) && histgen.BruteForce(c) {
			t.Fatalf("%s: the culprits alone are linearizable: %v\n%s", what, r.Culprits, text(t, h))
		}
	}
	slow := search.Check(h, search.Indices(len(h.Operations)), search.Limits{Timeout: time.Second})
	brute := histgen.BruteForce(h)
	agree := (mine == isLinearizable) == brute
	if slow.Result != porcupine.Unknown {
		agree = agree && (mine == isLinearizable) == (slow.Result == porcupine.Ok)
	}
	if !agree {
		t.Fatalf("%s: checkers disagree: priority checker %v (%s), porcupine %v, brute force linearizable=%v; history:\n%s",
			what, mine, r.Explanation, slow.Result, brute, text(t, h))
	}
	return mine
}

func text(t *testing.T, h history.History) string {
	var buf bytes.Buffer
	if err := history.Write(&buf, h); err != nil {
		t.Fatalf("writing history: %v", err)
	}
	return buf.String()
}

// FuzzPriorityDifferential fuzzes the priority checker against porcupine and
// the brute-force search on small random priority queue histories, valid and
// mutated.
func FuzzPriorityDifferential(f *testing.F) {
	for s := range uint64(20) {
		f.Add(s, uint16(s*97))
	}
	f.Fuzz(func(t *testing.T, seed uint64, shape uint16) {
		comparePrio(t, prioDiffHistory(seed, shape), "fuzz")
	})
}

// TestPriorityDifferential runs the comparison of FuzzPriorityDifferential over
// many seeds, deterministically, and checks that most are decided.
func TestPriorityDifferential(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 500
	}
	var count [3]int
	for seed := range uint64(n) {
		h := prioDiffHistory(seed, uint16(seed*2654435761>>7))
		count[comparePrio(t, h, "seed "+strconv.FormatUint(seed, 10))]++
	}
	lin, bad := count[isLinearizable], count[isViolation]
	if lin < n/5 || bad < n/10 {
		t.Errorf("too few decided: %d linearizable, %d violations of %d", lin, bad, n)
	}
	t.Logf("priority checker: %d linearizable, %d violations, %d handed on, of %d", lin, bad, n-lin-bad, n)
}

// TestPriorityLongerHistories compares the priority checker with
// porcupine on simulated histories of a few hundred operations, long
// enough for busy periods of many values (the hint and the grown
// candidate at work), valid and with each bug.
func TestPriorityLongerHistories(t *testing.T) {
	decided, bad := 0, 0
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 7))
		h := histgen.Priority(rng, histgen.PriorityConfig{StackConfig: histgen.StackConfig{Clients: 2 + int(seed%7), Ops: 200 + int(seed%5)*100,
			Puts: 50 + int(seed%3)*8, Slack: int(seed % 9), Think: 3, TryEvery: int(seed % 5), Bug: histgen.StackBug(seed % 5), At: 100},
			Spread: int(seed % 4 * 20)})
		r, ok := Check(h)
		if !ok {
			t.Fatalf("seed %d: not decided: %s", seed, r.Note)
		}
		slow := search.Check(h, search.Indices(len(h.Operations)), search.Limits{Timeout: 2 * time.Second})
		if slow.Result == porcupine.Unknown {
			continue
		}
		decided++
		if r.Violation {
			bad++
		}
		if r.Violation != (slow.Result == porcupine.Illegal) {
			t.Fatalf("seed %d: priority checker violation=%v (%s), porcupine %v", seed, r.Violation, r.Explanation, slow.Result)
		}
	}
	if decided < 180 || bad < 60 {
		t.Errorf("porcupine decided %d of 200, %d violations", decided, bad)
	}
	t.Logf("%d decided by porcupine too, %d of them violations", decided, bad)
}
