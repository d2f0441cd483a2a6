package fast

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

const maxTime = math.MaxInt64

// A try_get answering empty while a value put before it and never got is
// queued is a violation, also when it returns at the last time an int64
// can hold (which the checker once took for "never" and let pass).
func TestFastEmptyAtTheLastTime(t *testing.T) {
	h := history.History{Operations: []history.Operation{
		histgen.Put(0, 1, 0, 1), histgen.Empty(1, maxTime-1, maxTime),
	}}
	r, decided := Check(h)
	if !decided || !r.Violation {
		t.Fatalf("got decided %v, %+v; want a violation", decided, r)
	}
	if !slices.Equal(r.Culprits, []int{0, 1}) {
		t.Errorf("culprits %v, want [0 1]", r.Culprits)
	}
}

// Two values queued, one unknown get: the empty result is still
// impossible, so the fast checker must not call the history linearizable.
func TestFastEmptyAtTheLastTimeAfterUnknownGet(t *testing.T) {
	h := history.History{Operations: []history.Operation{
		histgen.Put(0, 1, maxTime-6, maxTime-5), histgen.Put(0, 2, maxTime-4, maxTime-3),
		histgen.With(histgen.Get(1, 0, maxTime-2, 0), models.Unknown),
		histgen.Empty(2, maxTime-1, maxTime),
	}}
	if r, decided := Check(h); decided && !r.Violation {
		t.Fatalf("called linearizable: %+v", r)
	}
}

// An explanation names the times of the history, not the ranks the
// checker replaced them with.
func TestFastExplainsWithTheOriginalTimes(t *testing.T) {
	h := history.History{Capacity: 1, Operations: []history.Operation{
		histgen.Put(0, 1, maxTime-5, maxTime-4), histgen.Put(1, 2, maxTime-3, maxTime-2),
	}}
	r, decided := Check(h)
	if !decided || !r.Violation {
		t.Fatalf("got decided %v, %+v; want a violation", decided, r)
	}
	if !strings.Contains(r.Explanation, "9223372036854775805") {
		t.Errorf("explanation %q does not name the time 9223372036854775805", r.Explanation)
	}
}

// Moving every time of a history so that it ends at the last int64, or
// starts at the first, changes no verdict and no culprit.
func TestFastVerdictIgnoresWhereTimesLie(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for i := range 400 {
		cfg := histgen.Config{Kind: models.FIFO, Capacity: i % 3, Clients: 3, Ops: 12, Overlap: 4, OpMix: histgen.MixQueue | histgen.MixUnknown}
		h := histgen.Mutate(rng, histgen.Linearizable(rng, cfg))
		want, wantDecided := Check(h)
		for _, to := range []int64{math.MinInt64, maxTime} {
			got, decided := Check(moveTimes(h, to))
			if decided != wantDecided || got.Violation != want.Violation || !slices.Equal(got.Culprits, want.Culprits) {
				t.Fatalf("history %d moved to %d: decided %v, %+v; unmoved: decided %v, %+v", i, to, decided, got, wantDecided, want)
			}
		}
	}
}

// moveTimes returns h with its times shifted so that the earliest is at
// (when to is negative) or the latest at to.
func moveTimes(h history.History, to int64) history.History {
	lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
	for _, op := range h.Operations {
		lo, hi = min(lo, op.Call), max(hi, op.Call)
		if op.Output.Result != models.Unknown {
			hi = max(hi, op.Return)
		}
	}
	by := to - hi
	if to < 0 {
		by = to - lo
	}
	ops := slices.Clone(h.Operations)
	for i := range ops {
		ops[i].Call += by
		if ops[i].Output.Result != models.Unknown {
			ops[i].Return += by
		}
	}
	h.Operations = ops
	return h
}
