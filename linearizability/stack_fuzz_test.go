package linearizability

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/linearizability/internal/search"
	"github.com/pcqkit/pcq/models"
)

// This file holds FuzzStackSetAside and what it needs, and nothing else of
// package testing than f.Add, f.Fuzz and t.Fatal: go-118-fuzz-build
// compiles it against its stand-in for package testing (see
// .clusterfuzzlite/targets). The target is here, not in package search
// whose set-aside it fuzzes, because it checks through Check, which
// imports search.

// stackHistory turns a seed and a shape into a small random history of an
// unbounded stack (put, get, their try forms, canceled), valid or
// mutated; one shape in four also has len, task_done, join, shutdown or
// unknown results, which keep the set-aside from applying.
func stackHistory(seed uint64, shape uint16) history.History {
	rng := rand.New(rand.NewPCG(seed, uint64(shape)))
	cfg := histgen.Config{
		Kind:    models.LIFO,
		Clients: 2 + int(shape%3),
		Ops:     4 + int(shape/3%11),
		Overlap: []int{1, 3, 8, 20}[shape/33%4],
		OpMix:   histgen.MixQueue,
	}
	if shape/132%4 == 0 {
		cfg.OpMix = histgen.MixAll
	}
	h := histgen.Linearizable(rng, cfg)
	for range rng.IntN(3) {
		h = histgen.Mutate(rng, h)
	}
	return h
}

// stackCompare checks h with porcupine (which sets pairs aside) and with
// the brute-force search over the whole history, and returns an error if
// they disagree.
func stackCompare(h history.History, what string) error {
	r := Check(h, WithChecker(Porcupine), WithTimeout(5*time.Second))
	if r.Verdict == Unknown {
		return nil
	}
	if want := histgen.BruteForce(h); (r.Verdict == Linearizable) != want {
		return fmt.Errorf("%s: porcupine says %v after setting aside %d operations (%s), the brute-force search says linearizable=%v; history:\n%s",
			what, r.Verdict, stackSetAside(h), r.Note, want, historyText(h))
	}
	return nil
}

// stackSetAside returns the number of operations of h that porcupine's
// search sets aside (pairs, canceled operations): 0 when h does not fit
// the search or it does not decide within 5 s.
func stackSetAside(h history.History) int {
	if search.Unfit(h) != "" {
		return 0
	}
	out := search.Check(h, search.Indices(len(h.Operations)), search.Limits{Timeout: 5 * time.Second})
	return len(h.Operations) - out.Searched
}

// FuzzStackSetAside fuzzes the set-aside against the brute-force search.
func FuzzStackSetAside(f *testing.F) {
	for s := range uint64(20) {
		f.Add(s, uint16(s*131))
	}
	f.Fuzz(func(t *testing.T, seed uint64, shape uint16) {
		if err := stackCompare(stackHistory(seed, shape), "fuzz"); err != nil {
			t.Fatal(err)
		}
	})
}
