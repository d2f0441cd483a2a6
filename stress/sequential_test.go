package stress

import (
	"math/rand/v2"
	"testing"

	"github.com/pcqkit/pcq/models"
)

// TestExpectAgreesWithModel: the sequential stretches' fast model gives
// the answers of models.Spec.Predict, the one definition, for every kind
// and capacities from 1 to unbounded, on random try_put and try_get of
// increasing values.
func TestExpectAgreesWithModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, kind := range []models.Kind{models.FIFO, models.LIFO, models.Priority} {
		for _, capacity := range []int{1, 2, 3, 7, 16, 0} {
			spec := models.Spec{Kind: kind, Capacity: capacity}
			st, e := spec.Init(), expect{kind: kind, capacity: capacity}
			for i := range 20000 {
				in := models.Input{Op: models.TryGet}
				if rng.IntN(2) == 0 {
					in = models.Input{Op: models.TryPut, Value: int64(i)}
				}
				want, next, _ := spec.Predict(st, in)
				if got := e.step(in); got != want {
					t.Fatalf("%v, capacity %d, call %d: %s, the model says %s (state %v)",
						kind, capacity, i, models.DescribeOperation(in, got), models.DescribeOperation(in, want), st)
				}
				st = next
			}
		}
	}
}
