package fuzz

import (
	"testing"

	"github.com/pcqkit/pcq/stress/sched"
	"github.com/pcqkit/pcq/stress/sched/instrument"
)

// BenchmarkInputs compares, in one run, an input of the real-time target
// (RunOne: the scenario under the Go scheduler, probes that sleep to
// let getters block, deadlines in real time) with an input of the schedule
// target (RunSchedule: the same kind of scenario under the controlled
// scheduler), on the Locked queue, over the same 200 random inputs:
//
//	go test -run '^$' -bench BenchmarkInputs ./fuzz
func BenchmarkInputs(b *testing.B) {
	if !instrument.Rerun(b, "github.com/pcqkit/pcq/queue") {
		b.Skip("ran in a child go test, instrumented; its output is above")
	}
	locked := named("locked")
	inputs := scheduleInputs(2, 200)
	b.Run("realtime", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if err := RunOne(locked.New, inputs[i%len(inputs)][1:]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("scheduled", func(b *testing.B) {
		sched.Bench(b, func(t *testing.T) {
			for i := range b.N {
				if err := RunSchedule(t, locked.New, inputs[i%len(inputs)]); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
}
