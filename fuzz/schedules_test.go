package fuzz

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/broken"
	"github.com/pcqkit/pcq/models"
	"github.com/pcqkit/pcq/stress/sched/instrument"
)

// FuzzSchedulesRing fuzzes the Ring's operations and interleavings
// together under the controlled scheduler. It is the one target not built
// as a libFuzzer binary: the scheduler needs a testing/synctest bubble,
// which a libFuzzer binary cannot open (see .clusterfuzzlite/targets).
func FuzzSchedulesRing(f *testing.F) {
	m := named("ring")
	CheckSchedules(f, m.New, harness.WithModel(m.Model))
}

// scheduleInputs returns n random inputs of CheckSchedules's layout, drawn
// from seed: a scenario of up to 12 operations, then 64 decisions.
func scheduleInputs(seed uint64, n int) [][]byte {
	rng := rand.New(rand.NewPCG(seed, 7))
	inputs := make([][]byte, n)
	for i := range inputs {
		data := make([]byte, 1+2+2*12+64)
		for j := range data {
			data[j] = byte(rng.UintN(256))
		}
		data[0] = byte(4 + rng.IntN(9)) // 4 to 12 operations
		inputs[i] = data
	}
	return inputs
}

// TestSchedules: random inputs of the schedule target pass every correct
// queue and catch every broken one within 3000 inputs (seed 1: the catch
// is deterministic, the input numbers are logged), and a failing input
// fails the same way, with the same interleaving, every time.
func TestSchedules(t *testing.T) {
	if !instrument.Rerun(t, "github.com/pcqkit/pcq/queue", "github.com/pcqkit/pcq/internal/broken") {
		return
	}
	inputs := scheduleInputs(1, 3000)
	for _, m := range impls {
		for i, data := range inputs[:300] {
			if err := RunSchedule(t, m.New, data, harness.WithModel(m.Model)); err != nil {
				t.Fatalf("%s: input %d (%q) failed a correct queue: %v", m.Name, i, data, err)
			}
		}
	}
	for _, b := range allBugs() {
		if shape := b.Shape(); shape != "" {
			t.Logf("%s: not expected of random inputs: it needs the scenario %s (TestExplore asserts it there)", b.Name, shape)
			continue
		}
		caught := -1
		var first error
		for i, data := range inputs {
			if err := RunSchedule(t, b.New, data, harness.WithModel(b.model)); err != nil {
				caught, first = i, err
				break
			}
		}
		var f *Failure
		if caught < 0 || !errors.As(first, &f) {
			t.Errorf("%s: not caught by 3000 inputs (%v)", b.Name, first)
			continue
		}
		if !strings.Contains(f.Trace, "step ") {
			t.Errorf("%s: the failure has no interleaving:\n%v", b.Name, f)
		}
		for range 5 {
			again := RunSchedule(t, b.New, inputs[caught], harness.WithModel(b.model))
			var g *Failure
			if !errors.As(again, &g) || g.Explanation != f.Explanation || g.Trace != f.Trace {
				t.Fatalf("%s: input %d failed differently when run again: %v\nfirst: %v", b.Name, caught, again, first)
			}
		}
		t.Logf("%s: caught by input %d: %s", b.Name, caught, f.Check)
	}
}

// modelBug is a broken queue with the model it is held to.
type modelBug struct {
	broken.Bug
	model models.Kind
}

// allBugs returns every broken queue, FIFO and ordered.
func allBugs() []modelBug {
	var bugs []modelBug
	for _, b := range broken.All() {
		bugs = append(bugs, modelBug{b, models.FIFO})
	}
	for _, b := range broken.Ordered() {
		bugs = append(bugs, modelBug{b.Bug, b.Kind})
	}
	return bugs
}
