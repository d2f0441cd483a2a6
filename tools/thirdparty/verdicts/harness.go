package verdicts

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pcqkit/pcq/fuzz"
	"github.com/pcqkit/pcq/harness"
	"github.com/pcqkit/pcq/history"
	"github.com/pcqkit/pcq/linearizability"
	"github.com/pcqkit/pcq/property"
	"github.com/pcqkit/pcq/stress"
	"github.com/pcqkit/pcq/tools/thirdparty/adapters"
)

// runProperty runs property.Run on the library's capacities.
func runProperty(lib adapters.Library, caps []int, cfg Config) Outcome {
	var mu sync.Mutex
	var logs []string
	logf := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		logs = append(logs, fmt.Sprintf(format, args...))
	}
	start := time.Now()
	err := property.Run(lib.New, harness.WithCapacities(caps...), harness.WithSeed(cfg.Seed),
		harness.WithRuns(cfg.PropertyRuns), harness.WithLogf(logf), harness.WithModel(lib.Model))
	o := Outcome{Harness: harness.Property, Status: Pass, Seed: cfg.Seed, Elapsed: time.Since(start),
		Work: fmt.Sprintf("%d runs a property, capacities %s", cfg.PropertyRuns, capsText(caps))}
	mu.Lock()
	o.Unsupported = unsupportedFromLog(logs)
	mu.Unlock()
	if err != nil {
		o.Status, o.Detail = Fail, err.Error()
		o.Check = propertyChecks(err)
	}
	return o
}

// propertyChecks names each property that err says failed, with its
// model and capacity: "commands (fifo, capacity 1); sentinels (...)";
// the first line of err when it holds no [*property.Failure] (a setup
// error).
func propertyChecks(err error) string {
	var names []string
	for _, e := range joined(err) {
		var f *property.Failure
		if errors.As(e, &f) {
			names = append(names, fmt.Sprintf("%s (%v, %s)", f.Property, f.Spec.Kind, harness.CapacityName(f.Spec.Capacity)))
		}
	}
	if len(names) == 0 {
		return firstLine(err.Error())
	}
	return strings.Join(names, "; ")
}

// joined returns the errors errors.Join joined into err, or err alone.
func joined(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// runStress runs stress.Run on the library's capacities, writing a
// failure's artifacts under dir.
func runStress(lib adapters.Library, caps []int, cfg Config, dir string) Outcome {
	res, err := stress.Run(lib.New, stressOptions(lib, caps, cfg.Seed, dir, harness.WithDuration(cfg.StressDuration))...)
	o := Outcome{Harness: harness.Stress, Status: Pass, Seed: cfg.Seed, Elapsed: res.Elapsed,
		Work: fmt.Sprintf("%d ops in %d rounds, capacities %s", res.Ops, res.Rounds, capsText(caps))}
	for op, n := range res.Unsupported {
		o.Unsupported = append(o.Unsupported, fmt.Sprintf("%v (%d calls)", op, n))
	}
	slices.Sort(o.Unsupported)
	if err == nil {
		return o
	}
	o.Status, o.Detail = Fail, err.Error()
	var f *stress.Failure
	if !errors.As(err, &f) {
		o.Check = firstLine(o.Detail)
		return o
	}
	o.Check = f.Check.String()
	for _, a := range f.Artifacts {
		if filepath.Base(a) == "history.jsonl" {
			o.History = a
		}
	}
	o.HistoryVerdict = checkFile(o.History)
	return o
}

// stressOptions are the options every stress run of lib takes, then
// budget (harness.WithDuration or harness.WithRounds).
func stressOptions(lib adapters.Library, caps []int, seed int64, dir string, budget harness.Option) []harness.Option {
	return []harness.Option{harness.WithCapacities(caps...), harness.WithSeed(seed), budget,
		harness.WithArtifacts(dir), harness.WithWatchdog(5 * time.Second), harness.WithProbeWait(probeWait),
		harness.WithModel(lib.Model)}
}

// FuzzInput returns the i-th input that the fuzz run of seed gives to
// fuzz.RunOne: 2 to 48 random bytes (one for the capacity, then about
// one a step).
func FuzzInput(seed int64, i int) []byte {
	rng := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
	data := make([]byte, 2+2*rng.IntN(24))
	for j := range data {
		data[j] = byte(rng.Uint32())
	}
	return data
}

// runFuzz gives cfg.FuzzInputs generated inputs to fuzz.RunOne; the first
// failure ends it, its history written under dir.
func runFuzz(lib adapters.Library, caps []int, cfg Config, dir string) Outcome {
	start := time.Now()
	o := Outcome{Harness: harness.Fuzz, Status: Pass, Seed: cfg.Seed}
	for i := range cfg.FuzzInputs {
		data := FuzzInput(cfg.Seed, i)
		err := fuzz.RunOne(lib.New, data, harness.WithCapacities(caps...), harness.WithModel(lib.Model))
		if err == nil {
			continue
		}
		o.Status, o.Detail, o.Input = Fail, err.Error(), data
		o.Work = fmt.Sprintf("input %d of %d failed, capacities %s", i+1, cfg.FuzzInputs, capsText(caps))
		o.Check = firstLine(o.Detail)
		var f *fuzz.Failure
		if errors.As(err, &f) {
			o.Check = f.Check.String()
			o.History = writeHistory(dir, fmt.Sprintf("input%d.jsonl", i), f.History, &o)
			o.HistoryVerdict = checkFile(o.History)
		}
		o.Elapsed = time.Since(start)
		return o
	}
	o.Work = fmt.Sprintf("%d inputs, capacities %s", cfg.FuzzInputs, capsText(caps))
	o.Elapsed = time.Since(start)
	return o
}

// writeHistory writes h as dir/name and returns its path, or "" (noting
// why in o.Detail) when h is empty or cannot be written.
func writeHistory(dir, name string, h history.History, o *Outcome) string {
	if len(h.Operations) == 0 {
		return ""
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		o.Detail += fmt.Sprintf("\n(history not written: %v)", err)
		return ""
	}
	path := filepath.Join(dir, name)
	w, err := os.Create(path)
	if err == nil {
		err = history.Write(w, h)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		o.Detail += fmt.Sprintf("\n(history not written: %v)", err)
		return ""
	}
	return path
}

// probeWait is harness.WithProbeWait: long enough for a woken getter to
// return on a loaded machine, short because the stress harness waits that
// long in every round for a queue that has no shutdown (its shutdown probe
// starts getters before it learns that Shutdown is unsupported).
const probeWait = 200 * time.Millisecond

// checkFile checks a history file as pcq check does and returns the
// verdict's first line ("" without a file).
func checkFile(path string) string {
	if path == "" {
		return ""
	}
	r, err := os.Open(path)
	if err != nil {
		return err.Error()
	}
	defer r.Close()
	h, err := history.Read(r)
	if err != nil {
		return err.Error()
	}
	return firstLine(linearizability.Check(h).String())
}
