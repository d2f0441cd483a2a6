package history

import (
	"bytes"
	"testing"
)

// BenchmarkReadJepsen reads a simulated Jepsen history of 100,000 events.
func BenchmarkReadJepsen(b *testing.B) {
	var buf bytes.Buffer
	if err := writeJepsenSim(&buf, JepsenSimConfig{Seed: 3, Clients: 5, Events: 100_000}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := ReadJepsen(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}
