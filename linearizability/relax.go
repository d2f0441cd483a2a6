package linearizability

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/models"
)

// Relaxation names a promise weaker than the strict model that a queue may
// ask to be checked against. A queue is never called correct under a
// relaxation it did not ask for: every report made under one says so.
type Relaxation uint8

// The relaxations. Each is a pure transformation of the history ([Relax])
// after which the strict checkers run, so a relaxation never raises a
// false alarm; what each stops checking is said below.
const (
	// SpuriousTryFailures lets a try_put answer full and a try_get answer
	// empty at any time, with no effect (many lock-free rings do). Relax
	// removes every try_put full and try_get empty: those answers are no
	// longer checked at all.
	SpuriousTryFailures Relaxation = iota + 1
	// Lossy lets the queue drop items: a value put may never be got.
	// Relax removes each put answered ok whose value no get or try_get
	// answered ok got, and counts it as a drop. When it removed at least
	// one, the answers a dropped item could have changed are no longer
	// checked: try_put full, len, task_done and join are removed too (a
	// lossy queue may be full of, or count, items it drops later). Still
	// checked: the order of the values got, no value got twice or from
	// nowhere, empty and shutdown answers. A value put more times than got
	// (but got) is ambiguous: its puts are kept, and a violation becomes
	// unknown.
	Lossy
)

var relaxationNames = [...]string{SpuriousTryFailures: "spurious-try-failures", Lossy: "lossy"}

// String returns the relaxation's name: "spurious-try-failures" or "lossy".
func (r Relaxation) String() string {
	if r >= SpuriousTryFailures && int(r) < len(relaxationNames) {
		return relaxationNames[r]
	}
	return fmt.Sprintf("Relaxation(%d)", r)
}

func (r Relaxation) valid() bool { return r >= SpuriousTryFailures && r <= Lossy }

// ParseRelaxation parses a relaxation's name as written by
// [Relaxation.String].
func ParseRelaxation(s string) (Relaxation, error) {
	for r := SpuriousTryFailures; r <= Lossy; r++ {
		if s == r.String() {
			return r, nil
		}
	}
	return 0, fmt.Errorf("linearizability: unknown relaxation %q (want spurious-try-failures or lossy)", s)
}

// ParseRelaxations parses a comma-separated list of relaxation names, for
// example "spurious-try-failures,lossy". The empty string gives none.
func ParseRelaxations(s string) ([]Relaxation, error) {
	var rs []Relaxation
	for name := range strings.SplitSeq(s, ",") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		r, err := ParseRelaxation(name)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return normalizeRelaxations(rs), nil
}

// normalizeRelaxations sorts and deduplicates rs; nil when empty.
func normalizeRelaxations(rs []Relaxation) []Relaxation {
	if len(rs) == 0 {
		return nil
	}
	rs = slices.Clone(rs)
	slices.Sort(rs)
	return slices.Compact(rs)
}

// RelaxStats says what [Relax] did to a history.
type RelaxStats struct {
	// Kept maps the relaxed history back to the original: Kept[i] is the
	// index in the original history of the relaxed history's operation i.
	Kept []int
	// SpuriousFailures counts the try_put full and try_get empty answers
	// removed under SpuriousTryFailures.
	SpuriousFailures int
	// Drops counts the values put (answered ok) and never got, whose puts
	// were removed under Lossy.
	Drops int
	// Unchecked counts the other operations removed under Lossy because
	// some value was dropped: try_put full, len, task_done, join.
	Unchecked int
	// Ambiguous counts the values put more times than got, but got: Lossy
	// cannot tell which of their puts dropped its item and keeps them all.
	Ambiguous int
}

// Relax transforms h into the history a strict checker must accept for h
// to be correct under the relaxations rs (see each relaxation), and says
// what it removed. Operations keep their fields (Line included), so
// explanations still cite the original file lines. h is not modified.
// Relax panics on an unknown relaxation.
func Relax(h history.History, rs ...Relaxation) (history.History, RelaxStats) {
	var spurious, lossy bool
	for _, r := range rs {
		switch r {
		case SpuriousTryFailures:
			spurious = true
		case Lossy:
			lossy = true
		default:
			panic(fmt.Sprintf("linearizability: unknown relaxation %v", r))
		}
	}
	var st RelaxStats
	var dropped map[int64]bool
	if lossy {
		dropped, st.Drops, st.Ambiguous = droppedValues(h.Operations)
	}
	out := history.History{Kind: h.Kind, Capacity: h.Capacity, Operations: make([]history.Operation, 0, len(h.Operations))}
	st.Kept = make([]int, 0, len(h.Operations))
	for i, op := range h.Operations {
		switch {
		case spurious && isTryFailure(op):
			st.SpuriousFailures++
			continue
		case len(dropped) > 0 && isPutOK(op) && dropped[op.Input.Value]:
			continue
		case len(dropped) > 0 && lossyUnchecked(op):
			st.Unchecked++
			continue
		}
		out.Operations = append(out.Operations, op)
		st.Kept = append(st.Kept, i)
	}
	return out, st
}

// isTryFailure reports whether op is a try_put full or a try_get empty.
func isTryFailure(op history.Operation) bool {
	return op.Input.Op == models.TryPut && op.Output.Result == models.Full ||
		op.Input.Op == models.TryGet && op.Output.Result == models.Empty
}

func isPutOK(op history.Operation) bool {
	return (op.Input.Op == models.Put || op.Input.Op == models.TryPut) && op.Output.Result == models.OK
}

func isGetOK(op history.Operation) bool {
	return (op.Input.Op == models.Get || op.Input.Op == models.TryGet) && op.Output.Result == models.OK
}

// lossyUnchecked reports whether op's answer may reflect an item dropped
// later: try_put full, len, task_done and join.
func lossyUnchecked(op history.Operation) bool {
	switch op.Input.Op {
	case models.Len, models.TaskDone, models.Join:
		return true
	}
	return op.Input.Op == models.TryPut && op.Output.Result == models.Full
}

// droppedValues returns the values put (ok) and never got, how many puts
// of them there are, and how many values were put more times than got but
// got (ambiguous: kept).
func droppedValues(ops []history.Operation) (dropped map[int64]bool, drops, ambiguous int) {
	puts, gets := map[int64]int{}, map[int64]int{}
	for _, op := range ops {
		switch {
		case isPutOK(op):
			puts[op.Input.Value]++
		case isGetOK(op):
			gets[op.Output.Value]++
		}
	}
	dropped = map[int64]bool{}
	for v, n := range puts {
		switch g := gets[v]; {
		case g == 0:
			dropped[v] = true
			drops += n
		case g < n:
			ambiguous++
		}
	}
	return dropped, drops, ambiguous
}
