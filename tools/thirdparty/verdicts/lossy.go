package verdicts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/stress"
	"github.com/pcqkit/pcq/tools/thirdparty/adapters"
)

// LossyVerdict is the re-check of failing stress histories under the
// lossy relaxation.
type LossyVerdict struct {
	Histories int    // histories re-checked
	Seed      int64  // the stress seed of the violating history
	Capacity  int    // and its capacity
	Ops       int    // their operations
	Violation bool   // one is a violation even under the relaxation
	History   string // the violating history, if any
	// Explanation is the checker's explanation of the violation, on the
	// lossy projection (see [LossyProjection]).
	Explanation string
}

// LossyProjection returns h as a lossy queue is allowed to make it look:
// the puts of items never got are removed (an item may be dropped at any
// time, so as soon as it is put), and so are len operations (a lossy
// queue's length counts items it will drop) and the capacity (a lossy
// queue never answers full: it overwrites). h is lossy-linearizable when
// the projection is linearizable: the items that came out came out in an
// order some FIFO queue allows, and no get found the queue empty while an
// item later got was certainly in it.
func LossyProjection(h history.History) history.History {
	got := map[int64]bool{}
	for _, op := range h.Operations {
		if isGet(op.Input.Op) && op.Output.Result == models.OK {
			got[op.Output.Value] = true
		}
	}
	out := history.History{Kind: h.Kind}
	for _, op := range h.Operations {
		isPut := op.Input.Op == models.Put || op.Input.Op == models.TryPut
		if op.Input.Op == models.Len || (isPut && op.Output.Result == models.OK && !got[op.Input.Value]) {
			continue
		}
		out.Operations = append(out.Operations, op)
	}
	return out
}

func isGet(op models.Op) bool { return op == models.Get || op == models.TryGet }

// CheckLossy checks h under the lossy relaxation: the linearizability of
// its [LossyProjection].
func CheckLossy(h history.History) linearizability.Report {
	return linearizability.Check(LossyProjection(h))
}

// lossyStress runs the stress harness again and again (seeds cfg.Seed,
// cfg.Seed+1..., one capacity at a time in turn, since the strict harness
// stops at the first round and that is always one of the first capacity)
// for cfg.StressDuration, re-checking each failing round's
// history under the lossy relaxation; it stops at the first history that
// is a violation even then, keeping that history's projection under dir.
func lossyStress(lib adapters.Library, caps []int, cfg Config, dir string) *LossyVerdict {
	lv := &LossyVerdict{}
	start := time.Now()
	for i := 0; time.Since(start) < cfg.StressDuration; i++ {
		seed, capacity := cfg.Seed+int64(i), caps[i%len(caps)]
		sdir := filepath.Join(dir, fmt.Sprint(seed))
		_, err := stress.Run(lib.New, stressOptions(lib, []int{capacity}, seed, sdir, harness.WithDuration(cfg.StressDuration/4))...)
		var f *stress.Failure
		if !errors.As(err, &f) {
			continue
		}
		h, ok := readHistory(f.Artifacts)
		if !ok {
			continue
		}
		lv.Histories++
		lv.Ops += len(h.Operations)
		r := CheckLossy(h)
		if r.Verdict == linearizability.Linearizable {
			continue
		}
		lv.Violation, lv.Explanation = true, r.String()
		lv.Seed, lv.Capacity = seed, capacity
		var o Outcome
		lv.History = writeHistory(dir, "lossy-violation.jsonl", LossyProjection(h), &o)
		return lv
	}
	return lv
}

// readHistory reads the history.jsonl among a stress failure's artifacts.
func readHistory(artifacts []string) (history.History, bool) {
	for _, a := range artifacts {
		if filepath.Base(a) != "history.jsonl" {
			continue
		}
		r, err := os.Open(a)
		if err != nil {
			return history.History{}, false
		}
		defer r.Close()
		h, err := history.Read(r)
		return h, err == nil
	}
	return history.History{}, false
}
