package fuzz

import (
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
// by an earlier failure still run) is skipped with the reason. It is
// [Target] with f's name and f.Logf; a fuzz function for go-118-fuzz-build
// (OSS-Fuzz, ClusterFuzzLite) uses Target itself.
//
//	func FuzzMyQueue(f *testing.F) { fuzz.Check(f, newMyQueue) }
func Check(f *testing.F, newQueue harness.Factory, opts ...harness.Option) {
	f.Helper()
	target := NewTarget(f.Name(), newQueue, append([]harness.Option{harness.WithLogf(f.Logf)}, opts...)...)
	if target.setup != nil {
		f.Fatal(target.setup)
	}
	for _, data := range target.Seeds() {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) { target.Fuzz(t, data) })
}
