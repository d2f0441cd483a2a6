package fuzz

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/pcqkit/pcq/harness"
)

// Check is a fuzz target for the queues newQueue makes. It adds a seed
// corpus of typical scenarios (producers and consumers, a full queue with
// blocked puts, try-operations, soft and immediate shutdown mid-run, task
// accounting and join), then fuzzes: each input decodes into a concurrent
// scenario that runs on a fresh queue, recorded and checked as [RunOne]
// does. A failing input fails with the explanation, the decoded scenario
// and the artifacts' paths (see harness.WithArtifacts); go test -fuzz saves it
// under testdata/fuzz/<target>, from where plain go test replays it. An
// input that gives no verdict (harness.ErrNoVerdict: goroutines abandoned
// by an earlier failure still run) is skipped with the reason.
//
//	func FuzzMyQueue(f *testing.F) { fuzz.Check(f, newMyQueue) }
func Check(f *testing.F, newQueue harness.Factory, opts ...harness.Option) {
	f.Helper()
	c, err := newConfig(newQueue, append([]harness.Option{harness.WithLogf(f.Logf)}, opts...))
	if err != nil {
		f.Fatal(err)
	}
	if c.Artifacts == "" {
		c.Artifacts = filepath.Join(os.TempDir(), "pcq-fuzz", safeName(f.Name()))
	}
	for _, data := range c.seeds(c.Capacities) {
		f.Add(data)
	}
	name := safeName(f.Name())
	f.Fuzz(func(t *testing.T, data []byte) {
		note, err := c.runOne(newQueue, data, name)
		if errors.Is(err, harness.ErrNoVerdict) {
			t.Skip(err) // the earlier failure fails the binary; this input is not blamed
		}
		if err != nil {
			t.Fatal(err)
		}
		if note != "" {
			t.Log(note)
		}
	})
}
