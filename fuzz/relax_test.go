package fuzz_test

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/fuzz"
	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"

	"github.com/pcqkit/pcq/internal/testseed"
)

// relaxInputs returns the seed inputs and n random ones.
func relaxInputs(newQueue harness.Factory, seed uint64, n int) [][]byte {
	inputs := fuzz.Seeds(newQueue)
	rng := rand.New(rand.NewPCG(seed, 3))
	for range n {
		data := make([]byte, 8+rng.IntN(64))
		for i := range data {
			data[i] = byte(rng.Uint32())
		}
		inputs = append(inputs, data)
	}
	return inputs
}

func TestRunOneRelaxations(t *testing.T) {
	for _, tc := range broken.RelaxCases() {
		t.Run(tc.Name, func(t *testing.T) {
			seed := testseed.Get(t)
			var failed error
			for _, data := range relaxInputs(tc.New, seed, 40) {
				if err := fuzz.RunOne(tc.New, data, harness.WithRelaxations(tc.Relax...)); err != nil {
					failed = err
					break
				}
			}
			switch {
			case tc.Pass && failed != nil:
				t.Fatalf("seed %d: %v", seed, failed)
			case !tc.Pass && failed == nil:
				t.Fatalf("seed %d: every input passed", seed)
			case failed != nil:
				var f *fuzz.Failure
				if !errors.As(failed, &f) || f.Check == harness.Recording {
					t.Fatalf("seed %d: failed for a reason that is not the queue's: %v", seed, failed)
				}
				if len(tc.Relax) > 0 && !strings.Contains(failed.Error(), "check failed under relaxations ") {
					t.Fatalf("the failure does not name the relaxations: %v", failed)
				}
			}
		})
	}
}
