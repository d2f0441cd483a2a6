package broken

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/queue"
)

// TestOrderBugsShowTheirSymptom runs random sequences of try_put and
// try_get (values 0-99) on each broken LIFO and priority queue and on its
// control, against the model's prediction: the bug must show a wrong get
// within the sequences, the control never.
func TestOrderBugsShowTheirSymptom(t *testing.T) {
	for _, b := range Ordered() {
		t.Run(b.Name, func(t *testing.T) {
			if b.Description == "" || len(b.Catches) == 0 {
				t.Error("missing description or catches")
			}
			if msg := firstWrongGet(b.New, b.Kind, 200); msg == "" {
				t.Errorf("the bug did not show in 200 sequences: %s", b.Description)
			} else {
				t.Log(msg)
			}
			if msg := firstWrongGet(CorrectFor(b.Kind), b.Kind, 200); msg != "" {
				t.Errorf("the control queue: %s", msg)
			}
		})
	}
}

// firstWrongGet runs n random sequences of 30 calls, unbounded, and returns
// the first difference from the model ("" if none).
func firstWrongGet(newQueue harness.Factory, kind models.Kind, n int) string {
	rng := rand.New(rand.NewPCG(11, uint64(kind)))
	spec := models.Spec{Kind: kind}
	for seq := range n {
		q, st := newQueue(0), spec.Init()
		for step := range 30 {
			in := models.Input{Op: models.TryGet}
			if rng.IntN(5) < 3 {
				in = models.Input{Op: models.TryPut, Value: int64(rng.IntN(100))}
			}
			want, next, _ := spec.Predict(st, in)
			var got models.Output
			if in.Op == models.TryPut {
				got = outputOf(0, q.TryPut(int(in.Value)))
			} else {
				got = outputOf(q.TryGet())
			}
			if got != want {
				return fmt.Sprintf("sequence %d, step %d: %v gave %v, the model says %v", seq, step, in, got, want)
			}
			st = next
		}
	}
	return ""
}

// outputOf maps a call's answer to the model's vocabulary.
func outputOf(v int, err error) models.Output {
	switch err {
	case nil:
		return models.Output{Result: models.OK, Value: int64(v)}
	case queue.ErrEmpty:
		return models.Output{Result: models.Empty}
	case queue.ErrFull:
		return models.Output{Result: models.Full}
	}
	return models.Output{Result: models.Unknown}
}
