package stress

import (
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/impls"
	"github.com/pcqkit/pcq/internal/scenario"
	"github.com/pcqkit/pcq/stress/sched"
	"github.com/pcqkit/pcq/stress/sched/instrument"
)

// BenchmarkExploreRing measures the controlled scheduler on the Ring, in
// schedules per second: one PCT schedule of a 40-operation, 4-goroutine
// scenario an iteration (10 steps each, capacity 4, the full mix, checked
// as Explore checks it):
//
//	go test -run '^$' -bench BenchmarkExploreRing ./stress
func BenchmarkExploreRing(b *testing.B) {
	if !instrument.Rerun(b, "github.com/pcqkit/pcq/queue") {
		b.Skip("ran in a child go test, instrumented; its output is above")
	}
	ring := impls.All()[2].New
	c, err := newExploreConfig(ring, []harness.Option{harness.WithSeed(1), harness.WithGoroutines(4), harness.WithOpsPerGoroutine(10), harness.WithCapacities(4)})
	if err != nil {
		b.Fatal(err)
	}
	s := scenario.Generate(randFor(1, 0), scenario.Config{Clients: 4, Steps: 10, Capacity: 4, Mix: scenario.Full, Waits: exploreWaits})
	e := sched.PCT(1, 3)
	steps := 0
	sched.Bench(b, func(t *testing.T) {
		for range b.N {
			o, r, err := scenario.RunControlled(t, ring, s, c.scenarioOptions(), scenario.Controlled{Strategy: e.Next()})
			if err != nil || !o.Passed() {
				b.Errorf("%v %v", err, o.Err())
				return
			}
			e.Done(r)
			steps += r.Steps
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "schedules/s")
	b.ReportMetric(float64(steps)/float64(b.N), "steps/schedule")
}
