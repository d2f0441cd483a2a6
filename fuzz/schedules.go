package fuzz

import (
	"flag"
	"testing"

	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/internal/scenario"
	"github.com/pcqkit/pcq/stress/sched"
	"github.com/pcqkit/pcq/stress/sched/instrument"
)

// CheckSchedules is a fuzz target whose inputs decode into a scenario and
// the controlled scheduler's decisions: the fuzzer then searches the
// interleavings as well as the operations, with coverage guidance, and
// every input replays exactly, interleaving included (a crasher saved
// under testdata/fuzz fails the same way every time).
//
//	byte 0: n, the scenario's length: 2 + 2*(n % (MaxTotalOps+1)) bytes
//	then the scenario, in [Check]'s layout (capacity, goroutines, steps)
//	then one byte per decision: who runs (the byte modulo the goroutines
//	that can); past the end, nobody is preempted
//
// Waits are the scheduler's decisions (0: a context already done; longer:
// a context the scheduler may cancel while its caller is blocked), and a
// call that nobody can end fails at once (a deadlock or lost wake-up), never
// after a timeout: an input takes well under a millisecond.
//
// The queue's package must be built instrumented (see
// harness.WithInstrument for more packages). Plain go test re-runs the
// target with the overlay in a child go test (package instrument); go test
// -fuzz needs the build to be instrumented already: `go run
// github.com/pcqkit/pcq/tools/pcq explore -fuzz FuzzMyQueueSchedules
// ./mypkg` does that (with -instrument for more packages), and so does
// `pcq fuzz`, which runs every fuzz target of a module.
//
//	func FuzzMyQueueSchedules(f *testing.F) { fuzz.CheckSchedules(f, newMyQueue) }
func CheckSchedules(f *testing.F, newQueue harness.Factory, opts ...harness.Option) {
	f.Helper()
	c, err := newConfig(newQueue, append([]harness.Option{harness.WithLogf(f.Logf)}, opts...))
	if err != nil {
		f.Fatal(err)
	}
	pkgs := c.Instrument
	if p := newQueue.Package(c.Capacities[0]); p != "" {
		pkgs = append([]string{p}, pkgs...)
	}
	if !instrument.Instrumented(pkgs...) && fuzzing() {
		f.Fatalf("fuzz: go test -fuzz %s: run it through go run github.com/pcqkit/pcq/tools/pcq explore -fuzz %s [-instrument PKGS] PKG (from your module) or pcq fuzz, or go test -overlay with the overlay of package instrument", instrument.NeedsText(pkgs), f.Name())
	}
	if !instrument.Rerun(f, pkgs...) {
		f.Skipf("ran in a child go test with %v instrumented, which passed", pkgs)
	}
	for _, data := range c.seeds(c.Capacities) {
		f.Add(scheduleInput(c, data, nil))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := c.runSchedule(t, newQueue, data); err != nil {
			t.Fatal(err)
		}
	})
}

// RunSchedule runs one input of [CheckSchedules] under t and returns nil
// when every check passed, else a [*Failure] (its Trace the interleaving)
// or a [*harness.SetupError]. The queue's package must be instrumented
// already (see [instrument.Rerun]).
func RunSchedule(t *testing.T, newQueue harness.Factory, data []byte, opts ...harness.Option) error {
	c, err := newConfig(newQueue, opts)
	if err != nil {
		return err
	}
	return c.runSchedule(t, newQueue, data)
}

// runSchedule decodes data, runs it under the scheduler, and on a failure
// runs it once more with the trace on for the report.
func (c *config) runSchedule(t *testing.T, newQueue harness.Factory, data []byte) error {
	s, decisions := c.decodeSchedule(data)
	opts := scenario.OptionsOf(harness.Fuzz, c.Settings)
	o, res, err := scenario.RunControlled(t, newQueue, s, opts, scenario.Controlled{Strategy: sched.Bytes(decisions)})
	switch {
	case err != nil:
		return harness.NewSetupError(harness.Fuzz, err)
	case o.Setup != nil:
		return harness.NewSetupError(harness.Fuzz, o.Setup)
	case o.Passed():
		return nil
	}
	f := newFailure(o, s, data)
	if traced, tr, err := scenario.RunControlled(t, newQueue, s, opts, scenario.Controlled{Strategy: sched.Replay(res.Schedule), Trace: true}); err == nil {
		f.Trace = scenario.TraceText(traced, tr)
	}
	return f
}

// decodeSchedule splits data into its scenario and its decisions.
func (c *config) decodeSchedule(data []byte) (scenario.Scenario, []byte) {
	if len(data) == 0 {
		return c.decode(nil, c.Capacities), nil
	}
	n := min(2+2*(int(data[0])%(c.MaxTotalOps+1)), len(data)-1)
	return c.decode(data[1:1+n], c.Capacities), data[1+n:]
}

// scheduleInput is the input of [CheckSchedules] made of a scenario's
// bytes (in [Check]'s layout) and decisions.
func scheduleInput(c *config, scenarioBytes, decisions []byte) []byte {
	ops := min(max(len(scenarioBytes)-2, 0)/2, c.MaxTotalOps)
	data := append([]byte{byte(ops)}, scenarioBytes[:min(len(scenarioBytes), 2+2*ops)]...)
	return append(data, decisions...)
}

// fuzzing reports whether this test binary runs with -test.fuzz.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}
