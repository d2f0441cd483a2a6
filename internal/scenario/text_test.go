package scenario

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

func TestTextRoundTrip(t *testing.T) {
	for i := range 200 {
		rng := rand.New(rand.NewPCG(uint64(i), 2))
		s := Generate(rng, Config{Clients: 1 + rng.IntN(4), Steps: 1 + rng.IntN(6), Capacity: rng.IntN(4),
			Mix: Full, Shutdown: Any, Waits: []time.Duration{0, 1}})
		back, err := ParseText(s.Text())
		if err != nil {
			t.Fatalf("ParseText(%q): %v", s.Text(), err)
		}
		if !reflect.DeepEqual(back, s) {
			t.Fatalf("round trip of %q:\n got %v\nwant %v", s.Text(), back, s)
		}
	}
	for _, bad := range []string{"", "2=put", "c=put", "c-1=put", "c2=", "c2=put,", "c2=fly", "c2=put..get"} {
		if _, err := ParseText(bad); err == nil {
			t.Errorf("ParseText(%q) accepted", bad)
		}
	}
}
