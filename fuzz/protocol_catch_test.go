package fuzz

import (
	"math/rand/v2"
	"testing"
)

// TestProtocolTargetsCatch runs FuzzJoin's and FuzzSentinelShutdown's
// checks with a broken queue in place of the decoded implementation: each
// must fail within a few hundred random inputs.
func TestProtocolTargetsCatch(t *testing.T) {
	const seed = 11
	cases := []struct {
		bug    string
		target string
		run    func(data []byte, im impl) error
	}{
		{"join-early", "FuzzJoin", func(data []byte, im impl) error {
			c := decodeJoin(data)
			c.impl, c.capacity = im, max(c.capacity, 1)
			return runJoin(c)
		}},
		{"taskdone-unchecked", "FuzzJoin", func(data []byte, im impl) error {
			c := decodeJoin(data)
			c.impl, c.capacity = im, max(c.capacity, 1)
			return runJoin(c)
		}},
		{"tryget-empty-after-shutdown", "FuzzSentinelShutdown", func(data []byte, im impl) error {
			c := decodePipeline(data)
			c.impl, c.capacity = im, max(c.capacity, 1)
			return runPipeline(c)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.bug, func(t *testing.T) {
			b := bug(t, tc.bug)
			im := impl{Name: b.Name, New: b.New, Bounded: true}
			rng := rand.New(rand.NewPCG(seed, 0))
			for i := range 300 {
				data := make([]byte, 24)
				for j := range data {
					data[j] = byte(rng.Uint32())
				}
				if err := tc.run(data, im); err != nil {
					t.Logf("%s caught it after %d inputs: %s", tc.target, i+1, firstLine(err))
					return
				}
			}
			t.Errorf("%s did not catch %s in 300 random inputs (seed %d)", tc.target, tc.bug, seed)
		})
	}
}
