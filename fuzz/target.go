package fuzz

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/pcqkit/pcq/harness"
)

// A Target is the fuzz target that [Check] makes, for a fuzz function that
// calls nothing of package testing but f.Add and f.Fuzz, and nothing of t
// but Skip, Fatal and Log. go-118-fuzz-build, which builds native fuzz
// targets into libFuzzer binaries for OSS-Fuzz and ClusterFuzzLite,
// compiles the fuzz function's file against a stand-in for package testing
// that has little more, so [Check] (which takes the real *testing.F) cannot
// be called there:
//
//	func FuzzMyQueue(f *testing.F) {
//		target := fuzz.NewTarget(f.Name(), newMyQueue)
//		for _, seed := range target.Seeds() {
//			f.Add(seed)
//		}
//		f.Fuzz(func(t *testing.T, data []byte) { target.Fuzz(t, data) })
//	}
//
// go test runs it exactly as it runs Check's target.
type Target struct {
	c        *config
	newQueue harness.Factory
	name     string // prefixes the artifact files
	setup    error  // newConfig's error: every input fails with it
}

// T is what [Target.Fuzz] needs of a *testing.T; go-118-fuzz-build's
// stand-in has it too.
type T interface {
	// Skip ends the input as skipped, with the reason, and does not
	// return, as (*testing.T).Skip: an input that gives no verdict.
	Skip(args ...any)
	// Fatal ends the input as failed, with the explanation, and does not
	// return, as (*testing.T).Fatal: a check failed, or the setup did.
	Fatal(args ...any)
	// Log adds a line to the input's report, as (*testing.T).Log: what a
	// passing input could not exercise.
	Log(args ...any)
}

// NewTarget returns the target for the queues newQueue makes, named name
// (the fuzz function's; it names the artifacts, see harness.WithArtifacts,
// which default to pcq-fuzz/<name> under os.TempDir()). A setup error (a
// bad option, a factory that refuses a capacity asked for) is not
// returned: every input then fails with it, as [Check] fails at once.
func NewTarget(name string, newQueue harness.Factory, opts ...harness.Option) *Target {
	c, err := newConfig(newQueue, opts)
	tg := &Target{c: c, newQueue: newQueue, name: safeName(name), setup: err}
	if err == nil && c.Artifacts == "" {
		c.Artifacts = filepath.Join(os.TempDir(), "pcq-fuzz", tg.name)
	}
	return tg
}

// Seeds returns the seed corpus: typical scenarios (producers and
// consumers, a full queue with blocked puts, try-operations, soft and
// immediate shutdown mid-run, task accounting and join) for the target's
// capacities; none after a setup error.
func (tg *Target) Seeds() [][]byte {
	if tg.setup != nil {
		return nil
	}
	return tg.c.seeds(tg.c.Capacities)
}

// Fuzz runs one input as [RunOne] does, under t: a failure is t.Fatal with
// the explanation, the decoded scenario and the artifacts' paths; an input
// that gives no verdict (harness.ErrNoVerdict: goroutines abandoned by an
// earlier failure still run) is skipped with the reason, since the earlier
// failure fails the run and this input is not to blame; what a passing
// input could not exercise is logged.
func (tg *Target) Fuzz(t T, data []byte) {
	if tg.setup != nil {
		t.Fatal(tg.setup)
	}
	note, err := tg.c.runOne(tg.newQueue, data, tg.name)
	if errors.Is(err, harness.ErrNoVerdict) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if note != "" {
		t.Log(note)
	}
}
