package fuzz

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pcqkit/pcq/queue"
)

// Check is a fuzz target for the queues newQueue makes. It adds a seed
// corpus of typical scenarios (producers and consumers, a full queue with
// blocked puts, try-operations, soft and immediate shutdown mid-run, task
// accounting and join), then fuzzes: each input decodes into a concurrent
// scenario that runs on a fresh queue, recorded and checked as [RunOne]
// does. A failing input fails with the explanation, the decoded scenario
// and the artefacts' paths (see [WithArtifacts]); go test -fuzz saves it
// under testdata/fuzz/<target>, from where plain go test replays it.
//
//	func FuzzMyQueue(f *testing.F) { fuzz.Check(f, newMyQueue) }
func Check(f *testing.F, newQueue func(capacity int) queue.Queue[int], opts ...Option) {
	f.Helper()
	c := newConfig(opts)
	if c.artifacts == "" {
		c.artifacts = filepath.Join(os.TempDir(), "pcq-fuzz", safeName(f.Name()))
	}
	caps := c.resolveCapacities(newQueue)
	for _, data := range c.seeds(caps) {
		f.Add(data)
	}
	name := safeName(f.Name())
	f.Fuzz(func(t *testing.T, data []byte) {
		note, err := c.runOne(newQueue, caps, data, name)
		if err != nil {
			t.Fatal(err)
		}
		if note != "" {
			t.Log(note)
		}
	})
}
