package linearizability_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/linearizability/internal/histgen"
	"github.com/pcqkit/pcq/models"
)

func meanOverlap(h linearizability.History) float64 {
	tot := 0
	for _, a := range h.Operations {
		for _, b := range h.Operations {
			if b.Call <= a.Call && a.Call <= b.Return {
				tot++
			}
		}
	}
	return float64(tot) / float64(len(h.Operations))
}

func TestProbe(t *testing.T) {
	for _, c := range []struct{ cl, ov int }{{1, 3}, {4, 1}, {4, 3}, {4, 10}} {
		rng := rand.New(rand.NewPCG(1, 2))
		h := histgen.Linearizable(rng, histgen.Config{Kind: models.FIFO, Clients: c.cl, Ops: 1000, Overlap: c.ov})
		maxLen, l := 0, 0
		canc := 0
		for _, op := range h.Operations {
			if op.Output.Result == models.Canceled { canc++ }
			if op.Output.Result == models.OK && (op.Input.Op == models.Put || op.Input.Op == models.TryPut) { l++ } 
			if op.Output.Result == models.OK && (op.Input.Op == models.Get || op.Input.Op == models.TryGet) { l-- } 
			maxLen = max(maxLen, l)
		}
		t0 := time.Now()
		r := linearizability.CheckPorcupine(h, 20*time.Second)
		t.Logf("clients %d overlap %d: mean overlap %.2f, canceled %d, end len %d max %d: %v in %v", c.cl, c.ov, meanOverlap(h), canc, l, maxLen, r.Verdict, time.Since(t0))
	}
}
