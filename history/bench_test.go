package history

import (
	"bytes"
	"testing"

	"github.com/pcqkit/pcq/models"
)

// benchHistory is a sequential FIFO history of n/2 puts each followed by
// its get, by 8 clients in turn.
func benchHistory(n int) History {
	h := History{Kind: models.FIFO}
	for i := range n / 2 {
		t := int64(4 * i)
		h.Operations = append(h.Operations, vPut(i%8, int64(i), t, t+1), vGet((i+1)%8, int64(i), t+2, t+3))
	}
	return h
}

// BenchmarkRead reads a 100,000-operation file; ns/op over
// operations is the cost per line.
func BenchmarkRead(b *testing.B) {
	var buf bytes.Buffer
	if err := Write(&buf, benchHistory(100_000)); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := Read(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite writes a 100,000-operation history.
func BenchmarkWrite(b *testing.B) {
	h := benchHistory(100_000)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, h); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
